namespace Harasocial.Sync.Functions;

/// <summary>Runs queue and timer handlers in their own DI scope; shared by the invocation endpoints and standalone triggers.</summary>
internal sealed class FunctionRunner(IServiceScopeFactory scopes)
{
    public async Task RunQueueAsync(QueueFunction function, string messageText, QueueMessageContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var handler = (IQueueFunctionHandler)scope.ServiceProvider.GetRequiredService(function.HandlerType);
        await handler.HandleAsync(messageText, context, cancellationToken);
    }

    public async Task RunTimerAsync(TimerFunction function, TimerContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var handler = (ITimerFunctionHandler)scope.ServiceProvider.GetRequiredService(function.HandlerType);
        await handler.RunAsync(context, cancellationToken);
    }
}
