using Harasocial.Sync.Sync.Jobs;
using Microsoft.DurableTask;

namespace Harasocial.Sync.Sync.Orchestrations;

/// <summary>
/// <c>SpamSync</c>: a spam-folder check a seller asked for (<c>POST /sync {"kind":"spam"}</c>): imports the threads
/// whose buyer's last message is old enough and hands the fresher ones to the page's spam watch.
/// </summary>
internal sealed class SpamSyncOrchestrator : TaskOrchestrator<JobInput, JobState>
{
    public override Task<JobState> RunAsync(TaskOrchestrationContext context, JobInput input) =>
        JobOrchestration.RunAsync(context, input, async flow =>
        {
            var outcome = await SpamWatchOrchestrator.CheckAsync(context, flow, input);
            flow.AddReport(new LimitReport("facebook.spamConversations", null, outcome.Seen, outcome.Walk.Taken, StoppedBecause.Exhausted));
        });
}
