using Harasocial.Sync.Sync.Steps;
using Harasocial.Sync.Sync.Jobs;
using Microsoft.DurableTask;

namespace Harasocial.Sync.Sync.Orchestrations;

/// <summary><c>LoadMore</c> (Zalo): the next customers not imported yet, from where the listing stopped.</summary>
internal sealed class LoadMoreOrchestrator : TaskOrchestrator<JobInput, JobState>
{
    public override Task<JobState> RunAsync(TaskOrchestrationContext context, JobInput input) =>
        JobOrchestration.RunAsync(context, input, async flow =>
        {
            var outcome = await ConversationWalk.RunAsync(flow, "inbox", input.Cursor, new SyncStepState(0, 0, input.Taken, input.Target));
            ConversationWalk.Report(flow, outcome);
        });
}
