namespace Harasocial.Sync.Functions;

/// <summary>What a queue function receives besides the text: the host's trigger metadata (or ours in standalone mode).</summary>
internal sealed record QueueMessageContext(string MessageId, long DequeueCount, DateTimeOffset? InsertedOn);

/// <summary>
/// Runs one queue message. Must be idempotent: delivery is at least once. Throwing means "retry"; after
/// <see cref="FunctionTable.MaxDequeueCount"/> attempts the message moves to the poison queue, so a handler that
/// wants to record a final failure does so when <c>DequeueCount</c> reaches that number.
/// </summary>
internal interface IQueueFunctionHandler
{
    Task HandleAsync(string messageText, QueueMessageContext context, CancellationToken cancellationToken);
}

internal sealed record TimerContext(DateTimeOffset ScheduledAt, bool IsPastDue);

/// <summary>Runs one timer tick. A failed tick is not retried; the next tick runs as scheduled (as in the host).</summary>
internal interface ITimerFunctionHandler
{
    Task RunAsync(TimerContext context, CancellationToken cancellationToken);
}
