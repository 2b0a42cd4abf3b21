using Harasocial.Functions.Sync.Activities;
using Harasocial.Functions.Sync.Orchestrations;
using Microsoft.DurableTask;

namespace Harasocial.Functions.Sync.Durable;

/// <summary>
/// Registers every orchestrator and activity with a Durable Task worker (standalone host). The Functions worker
/// declares the same names as <c>[Function]</c>s; the parity test keeps the two lists equal.
/// </summary>
internal static class SyncTasks
{
    /// <summary>
    /// Each activity is a singleton service, also registered as <see cref="ISyncActivity{TInput, TOutput}"/> keyed by
    /// its task name: that is what the Durable worker runs (and what a test may wrap, e.g. to run every activity twice).
    /// </summary>
    public static IServiceCollection AddSyncActivities(this IServiceCollection services)
    {
        services.AddSingleton<ChannelWork>();
        Add<ConversationPageActivity, PageInput, ActivityResult<PageResult>>(services, SyncTaskNames.ImportConversationPage);
        Add<ConversationMessagesActivity, MessagesInput, ActivityResult<MessagesResult>>(services, SyncTaskNames.ImportConversationMessages);
        Add<PostsActivity, PostsInput, ActivityResult<PostsResult>>(services, SyncTaskNames.ImportPosts);
        Add<CommentsActivity, CommentsInput, ActivityResult<CommentsResult>>(services, SyncTaskNames.ImportComments);
        Add<KeepNewestCommentsActivity, KeepCommentsInput, ActivityResult<int>>(services, SyncTaskNames.KeepNewestComments);
        Add<RefreshExpiringTokenActivity, RefreshInput, ActivityResult<bool>>(services, SyncTaskNames.RefreshExpiringToken);
        Add<FinishJobActivity, FinishInput, bool>(services, SyncTaskNames.FinishJob);
        Add<NextSpamCheckActivity, SpamWatchRef, SpamDue>(services, SyncTaskNames.NextSpamCheck);
        Add<CompleteSpamCheckActivity, SpamCheckDone, DateTimeOffset?>(services, SyncTaskNames.CompleteSpamCheck);
        return services;
    }

    public static void Register(DurableTaskRegistry registry)
    {
        registry.AddOrchestrator(SyncTaskNames.InitialSync, () => new InitialSyncOrchestrator());
        registry.AddOrchestrator(SyncTaskNames.LoadMore, () => new LoadMoreOrchestrator());
        registry.AddOrchestrator(SyncTaskNames.Backfill, () => new BackfillOrchestrator());
        registry.AddOrchestrator(SyncTaskNames.ConnectionResync, () => new ResyncOrchestrator());
        registry.AddOrchestrator(SyncTaskNames.SpamSync, () => new SpamSyncOrchestrator());
        registry.AddOrchestrator(SyncTaskNames.SpamWatch, () => new SpamWatchOrchestrator());
        Add<PageInput, ActivityResult<PageResult>>(registry, SyncTaskNames.ImportConversationPage);
        Add<MessagesInput, ActivityResult<MessagesResult>>(registry, SyncTaskNames.ImportConversationMessages);
        Add<PostsInput, ActivityResult<PostsResult>>(registry, SyncTaskNames.ImportPosts);
        Add<CommentsInput, ActivityResult<CommentsResult>>(registry, SyncTaskNames.ImportComments);
        Add<KeepCommentsInput, ActivityResult<int>>(registry, SyncTaskNames.KeepNewestComments);
        Add<RefreshInput, ActivityResult<bool>>(registry, SyncTaskNames.RefreshExpiringToken);
        Add<FinishInput, bool>(registry, SyncTaskNames.FinishJob);
        Add<SpamWatchRef, SpamDue>(registry, SyncTaskNames.NextSpamCheck);
        Add<SpamCheckDone, DateTimeOffset?>(registry, SyncTaskNames.CompleteSpamCheck);
    }

    private static void Add<TActivity, TIn, TOut>(IServiceCollection services, string name)
        where TActivity : class, ISyncActivity<TIn, TOut>
    {
        services.AddSingleton<TActivity>();
        services.AddKeyedSingleton<ISyncActivity<TIn, TOut>>(name, (sp, _) => sp.GetRequiredService<TActivity>());
    }

    private static void Add<TIn, TOut>(DurableTaskRegistry registry, string name) =>
        registry.AddActivity(name, sp => new ServiceActivity<TIn, TOut>(sp.GetRequiredKeyedService<ISyncActivity<TIn, TOut>>(name)));

    /// <summary>Runs an activity service inside the Durable Task worker.</summary>
    private sealed class ServiceActivity<TIn, TOut>(ISyncActivity<TIn, TOut> activity) : TaskActivity<TIn, TOut>
    {
        public override Task<TOut> RunAsync(TaskActivityContext context, TIn input) => activity.RunAsync(input, CancellationToken.None);
    }
}
