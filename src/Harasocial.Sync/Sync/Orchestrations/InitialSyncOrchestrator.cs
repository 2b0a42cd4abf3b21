using Harasocial.Sync.Sync.Steps;
using Harasocial.Sync.Sync.Jobs;
using Microsoft.DurableTask;

namespace Harasocial.Sync.Sync.Orchestrations;

/// <summary>
/// <c>InitialSync</c>: what a new connection imports (SPEC §2) — conversations by the channel's rule (Facebook's
/// 30-day phase and fill-up phase, the newest N elsewhere) with their messages, then posts and comments.
/// </summary>
internal sealed class InitialSyncOrchestrator : TaskOrchestrator<JobInput, JobState>
{
    public override Task<JobState> RunAsync(TaskOrchestrationContext context, JobInput input) =>
        JobOrchestration.RunAsync(context, input, async flow =>
        {
            var outcome = await ConversationWalk.RunAsync(flow, "inbox", null, new SyncStepState(0, 0, 0, input.Policy.Conversations));
            ConversationWalk.Report(flow, outcome);
            if (input.Policy.ImportsPosts)
            {
                await PostsImport.RunAsync(flow);
            }
        });
}
