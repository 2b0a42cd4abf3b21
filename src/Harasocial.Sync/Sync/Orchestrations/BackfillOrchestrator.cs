using Harasocial.Sync.Channels;
using Harasocial.Sync.Sync.Activities;
using Harasocial.Sync.Sync.Jobs;
using Microsoft.DurableTask;

namespace Harasocial.Sync.Sync.Orchestrations;

/// <summary>
/// <c>Backfill</c> (Zalo): a customer beyond the imported ones wrote in — their history, newest first, at most the
/// channel's message limit and none older than the job's cut-off (6 months).
/// </summary>
internal sealed class BackfillOrchestrator : TaskOrchestrator<JobInput, JobState>
{
    public override Task<JobState> RunAsync(TaskOrchestrationContext context, JobInput input) =>
        JobOrchestration.RunAsync(context, input, async flow =>
        {
            flow.Enter("messages");
            var work = new ConversationWork(input.CustomerId!, input.ThreadId, null, input.Policy.Messages, StopAtKnown: false, CheckFollower: false);
            var (_, result) = await ConversationWalk.ImportMessagesAsync(flow, work, input.Since);
            flow.AddReport(new LimitReport(
                $"{input.Channel.ToWireName()}.messagesPerConversation", input.Policy.Messages, null, result.Imported, result.HitLimit ? StoppedBecause.Limit : StoppedBecause.Exhausted));
        });
}
