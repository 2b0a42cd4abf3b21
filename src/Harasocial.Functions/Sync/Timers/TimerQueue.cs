using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Storage.Queues;
using Harasocial.Functions.Storage;

namespace Harasocial.Functions.Sync.Timers;

/// <summary>A durable timer: what to do, for which connection, and when it was due.</summary>
internal sealed record TimerMessage(string Type, int V, string TenantId, string ConnectionId, DateTimeOffset DueAt)
{
    public const string SpamCheck = "spam.check";
    public const int CurrentVersion = 1;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TimerMessage))]
internal sealed partial class TimerJsonContext : JsonSerializerContext;

/// <summary>
/// Durable timers are messages on the <c>timers</c> queue, invisible until due (ARCHITECTURE: "a durable timer is a
/// message enqueued with a visibility delay"). Nothing sleeps in memory, so any instance may fire them.
/// </summary>
internal sealed class TimerQueue(QueueServiceClient queues, StorageNames names, TimeProvider time)
{
    public async Task ScheduleAsync(TimerMessage message, CancellationToken cancellationToken)
    {
        var delay = message.DueAt - time.GetUtcNow();
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > SyncQueue.MaxDelay ? SyncQueue.MaxDelay : delay;
        await queues.GetQueueClient(names.Queue(StorageNames.TimersQueue)).SendMessageAsync(
            JsonSerializer.Serialize(message, TimerJsonContext.Default.TimerMessage),
            delay == TimeSpan.Zero ? null : delay,
            TimeSpan.FromSeconds(-1),
            cancellationToken);
    }

    public static TimerMessage Parse(string text)
    {
        var message = JsonSerializer.Deserialize(text, TimerJsonContext.Default.TimerMessage) ?? throw new FormatException("Empty timer message.");
        return message.Type == TimerMessage.SpamCheck && message.V == TimerMessage.CurrentVersion
            ? message
            : throw new FormatException($"Unknown timer '{message.Type}' v{message.V}: register it in Sync/Timers/TimerQueue.cs and DurableTimerHandler.");
    }
}
