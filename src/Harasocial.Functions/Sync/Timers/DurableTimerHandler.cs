using Harasocial.Functions.Functions;

namespace Harasocial.Functions.Sync.Timers;

/// <summary>The <c>DurableTimer</c> queue function: runs timers when their message becomes visible.</summary>
internal sealed class DurableTimerHandler(SpamChecks spam) : IQueueFunctionHandler
{
    public Task HandleAsync(string messageText, QueueMessageContext context, CancellationToken cancellationToken) =>
        spam.FireAsync(TimerQueue.Parse(messageText), cancellationToken);
}
