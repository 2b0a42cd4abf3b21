using System.Globalization;
using Harasocial.Sync.Functions;
using Harasocial.Sync.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Harasocial.Functions.Hosting;

/// <summary>Runs a queue or timer function of the product's function table in the invocation's scope.</summary>
internal sealed class TriggerInvoker(FunctionTable table, TimeProvider time)
{
    public async Task QueueAsync(string name, string message, FunctionContext context, DurableTaskClient durable)
    {
        var services = await PrepareAsync(context, durable);
        var handler = (IQueueFunctionHandler)services.GetRequiredService(((QueueFunction)table.ByName[name]).HandlerType);
        var data = context.BindingContext.BindingData;
        var queueContext = new QueueMessageContext(
            Text(data, "Id") ?? context.InvocationId,
            long.TryParse(Text(data, "DequeueCount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 1,
            DateTimeOffset.TryParse(Text(data, "InsertionTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var inserted) ? inserted : null);
        await handler.HandleAsync(message, queueContext, context.CancellationToken);
    }

    public async Task TimerAsync(string name, TimerInfo timer, FunctionContext context, DurableTaskClient durable)
    {
        var services = await PrepareAsync(context, durable);
        var handler = (ITimerFunctionHandler)services.GetRequiredService(((TimerFunction)table.ByName[name]).HandlerType);
        await handler.RunAsync(new TimerContext(time.GetUtcNow(), timer.IsPastDue), context.CancellationToken);
    }

    private static async Task<IServiceProvider> PrepareAsync(FunctionContext context, DurableTaskClient durable)
    {
        var services = context.InstanceServices;
        services.GetRequiredService<DurableClientHolder>().Client = durable;
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(context.CancellationToken);
        return services;
    }

    // Trigger metadata arrives as JSON text (a string value keeps its quotes).
    private static string? Text(IReadOnlyDictionary<string, object?> data, string key) =>
        data.TryGetValue(key, out var value) && value?.ToString() is { } text ? text.Trim('"') : null;
}
