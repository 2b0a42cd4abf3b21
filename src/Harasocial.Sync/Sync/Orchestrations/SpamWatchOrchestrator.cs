using Harasocial.Sync.Sync.Steps;
using Harasocial.Sync.Sync.Activities;
using Harasocial.Sync.Sync.Durable;
using Harasocial.Sync.Sync.Jobs;
using Microsoft.DurableTask;

namespace Harasocial.Sync.Sync.Orchestrations;

/// <summary>
/// <c>SpamWatch</c>, one per Facebook Page with <c>syncSpam</c> on (instance id <c>spam-{connectionId}</c>): sleeps
/// on a durable timer until the page's next spam-folder check is due, runs it, and continues as new so its history
/// stays short. When the check is due lives on the connection row (webhooks and the resync set it, then raise
/// <see cref="SyncTaskNames.WakeEvent"/>), so a wake-up lost while the watch restarts still finds its request there.
/// Durable timers can fire early; the check measures each thread's age itself and leaves the fresher ones for a
/// follow-up, so no thread is imported before its buyer's last message is <c>Sync:SpamDelay</c> old.
/// </summary>
internal sealed class SpamWatchOrchestrator : TaskOrchestrator<JobInput, string>
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(5);

    public static string InstanceId(string connectionId) => "spam-" + connectionId;

    public override async Task<string> RunAsync(TaskOrchestrationContext context, JobInput input)
    {
        var watch = new SpamWatchRef(input.TenantId, input.ConnectionId);
        var due = await context.CallActivityAsync<SpamDue>(SyncTaskNames.NextSpamCheck, watch);
        if (!due.Watching)
        {
            return "stopped: syncSpam is off or the connection cannot sync";
        }

        var now = context.CurrentUtcDateTime;
        if (due.DueAt is { } at && at <= now)
        {
            var check = input with { Kind = JobKinds.Spam, CreatedAt = now };
            var flow = new JobFlow(context, check, $"{context.InstanceId}@{now.Ticks}");
            try
            {
                await CheckAsync(context, flow, check);
            }
            catch (JobStoppedException ex) when (ex.Stop.Because == StoppedBecause.Auth)
            {
                return "stopped: " + ex.Stop.Reason;
            }
            catch (JobStoppedException)
            {
                // The channel kept failing: look again later rather than never.
                await context.CallActivityAsync<DateTimeOffset?>(SyncTaskNames.CompleteSpamCheck, new SpamCheckDone(watch, now, now + RetryAfterFailure));
            }

            await context.CallActivityAsync<bool>(SyncTaskNames.FinishJob, new FinishInput(flow.Ref, true, flow.Progress));
        }
        else
        {
            context.SetCustomStatus(new { nextCheckAt = due.DueAt });
            using var timerCancel = new CancellationTokenSource();
            var wake = context.WaitForExternalEvent<object?>(SyncTaskNames.WakeEvent);
            var timer = due.DueAt is { } next ? context.CreateTimer(next.UtcDateTime, timerCancel.Token) : null;
            await (timer is null ? (Task)wake : Task.WhenAny(wake, timer));
            timerCancel.Cancel();
        }

        context.ContinueAsNew(input, preserveUnprocessedEvents: false);
        return "continued";
    }

    /// <summary>Lists the spam folder, imports what is due and records when the next check is.</summary>
    public static async Task<WalkOutcome> CheckAsync(TaskOrchestrationContext context, JobFlow flow, JobInput input)
    {
        var outcome = await ConversationWalk.RunAsync(flow, "spam", null, new SyncStepState(0, 0, 0, int.MaxValue), input.SpamDelay);
        var watch = new SpamWatchRef(input.TenantId, input.ConnectionId);
        var next = await context.CallActivityAsync<DateTimeOffset?>(SyncTaskNames.CompleteSpamCheck, new SpamCheckDone(watch, flow.Job.CreatedAt, outcome.SpamFollowUpAt));
        if (next is not null && context.InstanceId != SpamWatchOrchestrator.InstanceId(input.ConnectionId))
        {
            // A check a seller asked for left fresher threads: the page's watch takes them from here.
            context.SendEvent(SpamWatchOrchestrator.InstanceId(input.ConnectionId), SyncTaskNames.WakeEvent, null!);
        }

        return outcome;
    }
}
