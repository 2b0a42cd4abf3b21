using Harasocial.Sync.Channels;
using Harasocial.Sync.Sync.Activities;
using Harasocial.Sync.Sync.Steps;
using Harasocial.Sync.Sync.Durable;
using Harasocial.Sync.Sync.Jobs;
using Microsoft.DurableTask;

namespace Harasocial.Sync.Sync.Orchestrations;

/// <summary>
/// <c>ConnectionResync</c>: fills the gaps lost webhooks leave — refreshes a token that expires within the hour,
/// then imports the conversations active after the watermark (minus an overlap) and their new messages, stopping
/// at messages already stored.
/// </summary>
internal sealed class ResyncOrchestrator : TaskOrchestrator<JobInput, JobState>
{
    public override Task<JobState> RunAsync(TaskOrchestrationContext context, JobInput input) =>
        JobOrchestration.RunAsync(context, input, async flow =>
        {
            flow.Enter("token");
            await flow.RunAsync<RefreshInput, bool>(SyncTaskNames.RefreshExpiringToken, new RefreshInput(flow.Ref));
            var outcome = await ConversationWalk.RunAsync(flow, "inbox", null, new SyncStepState(0, 0, 0, int.MaxValue, input.Since));
            flow.AddReport(new LimitReport(
                $"{input.Channel.ToWireName()}.updatedConversations", null, outcome.Seen, outcome.Walk.Taken, StoppedBecause.Exhausted));
        });
}
