using Harasocial.Sync.Sync.Activities;
using Harasocial.Sync.Sync.Orchestrations;
using Microsoft.DurableTask;

namespace Harasocial.Sync.Sync.Durable;

/// <summary>
/// Every orchestrator and activity, in one table: the standalone host registers them with its Durable Task worker from
/// it; the Functions worker declares the same names as <c>[Function]</c>s, and the parity test compares the two.
/// </summary>
internal static class SyncTasks
{
    private static readonly (string Name, Func<ITaskOrchestrator> Create)[] Orchestrators =
    [
        (SyncTaskNames.InitialSync, () => new InitialSyncOrchestrator()),
        (SyncTaskNames.LoadMore, () => new LoadMoreOrchestrator()),
        (SyncTaskNames.Backfill, () => new BackfillOrchestrator()),
        (SyncTaskNames.ConnectionResync, () => new ResyncOrchestrator()),
        (SyncTaskNames.SpamSync, () => new SpamSyncOrchestrator()),
        (SyncTaskNames.SpamWatch, () => new SpamWatchOrchestrator()),
    ];

    private static readonly ActivityRow[] Activities =
    [
        ActivityRow.For<ConversationPageActivity, PageInput, ActivityResult<PageResult>>(SyncTaskNames.ImportConversationPage),
        ActivityRow.For<ConversationMessagesActivity, MessagesInput, ActivityResult<MessagesResult>>(SyncTaskNames.ImportConversationMessages),
        ActivityRow.For<PostsActivity, PostsInput, ActivityResult<PostsResult>>(SyncTaskNames.ImportPosts),
        ActivityRow.For<CommentsActivity, CommentsInput, ActivityResult<CommentsResult>>(SyncTaskNames.ImportComments),
        ActivityRow.For<KeepNewestCommentsActivity, KeepCommentsInput, ActivityResult<int>>(SyncTaskNames.KeepNewestComments),
        ActivityRow.For<RefreshExpiringTokenActivity, RefreshInput, ActivityResult<bool>>(SyncTaskNames.RefreshExpiringToken),
        ActivityRow.For<FinishJobActivity, FinishInput, bool>(SyncTaskNames.FinishJob),
        ActivityRow.For<NextSpamCheckActivity, SpamWatchRef, SpamDue>(SyncTaskNames.NextSpamCheck),
        ActivityRow.For<CompleteSpamCheckActivity, SpamCheckDone, DateTimeOffset?>(SyncTaskNames.CompleteSpamCheck),
    ];

    public static IEnumerable<string> OrchestratorNames => Orchestrators.Select(o => o.Name);

    public static IEnumerable<string> ActivityNames => Activities.Select(a => a.Name);

    /// <summary>
    /// Each activity is a singleton service, also registered as <see cref="ISyncActivity{TInput, TOutput}"/> keyed by
    /// its task name: that is what both hosts run (and what a test may wrap, e.g. to run every activity twice).
    /// </summary>
    public static IServiceCollection AddSyncActivities(this IServiceCollection services)
    {
        services.AddSingleton<ChannelWork>();
        foreach (var activity in Activities)
        {
            activity.AddService(services);
        }

        return services;
    }

    /// <summary>The standalone host's Durable worker: every orchestrator and activity under its task name.</summary>
    public static void Register(DurableTaskRegistry registry)
    {
        foreach (var (name, create) in Orchestrators)
        {
            registry.AddOrchestrator(name, create);
        }

        foreach (var activity in Activities)
        {
            activity.AddTask(registry);
        }
    }

    private sealed record ActivityRow(string Name, Action<IServiceCollection> AddService, Action<DurableTaskRegistry> AddTask)
    {
        public static ActivityRow For<TActivity, TIn, TOut>(string name)
            where TActivity : class, ISyncActivity<TIn, TOut> => new(
            name,
            services =>
            {
                services.AddSingleton<TActivity>();
                services.AddKeyedSingleton<ISyncActivity<TIn, TOut>>(name, (sp, _) => sp.GetRequiredService<TActivity>());
            },
            registry => registry.AddActivity(name, sp => new ServiceActivity<TIn, TOut>(sp.GetRequiredKeyedService<ISyncActivity<TIn, TOut>>(name))));
    }

    /// <summary>Runs an activity service inside the Durable Task worker.</summary>
    private sealed class ServiceActivity<TIn, TOut>(ISyncActivity<TIn, TOut> activity) : TaskActivity<TIn, TOut>
    {
        public override Task<TOut> RunAsync(TaskActivityContext context, TIn input) => activity.RunAsync(input, CancellationToken.None);
    }
}
