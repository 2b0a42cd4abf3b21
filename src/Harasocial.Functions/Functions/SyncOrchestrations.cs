using Harasocial.Sync.Sync.Durable;
using Harasocial.Sync.Sync.Jobs;
using Harasocial.Sync.Sync.Orchestrations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Harasocial.Functions.Functions;

/// <summary>The sync job orchestrators (the product's; the standalone host registers the same ones by these names).</summary>
internal static class SyncOrchestrations
{
    [Function(SyncTaskNames.InitialSync)]
    public static Task<JobState> InitialSync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new InitialSyncOrchestrator().RunAsync(context, context.GetInput<JobInput>()!);

    [Function(SyncTaskNames.LoadMore)]
    public static Task<JobState> LoadMore([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new LoadMoreOrchestrator().RunAsync(context, context.GetInput<JobInput>()!);

    [Function(SyncTaskNames.Backfill)]
    public static Task<JobState> Backfill([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new BackfillOrchestrator().RunAsync(context, context.GetInput<JobInput>()!);

    [Function(SyncTaskNames.ConnectionResync)]
    public static Task<JobState> ConnectionResync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ResyncOrchestrator().RunAsync(context, context.GetInput<JobInput>()!);

    [Function(SyncTaskNames.SpamSync)]
    public static Task<JobState> SpamSync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new SpamSyncOrchestrator().RunAsync(context, context.GetInput<JobInput>()!);

    [Function(SyncTaskNames.SpamWatch)]
    public static Task<string> SpamWatch([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new SpamWatchOrchestrator().RunAsync(context, context.GetInput<JobInput>()!);
}
