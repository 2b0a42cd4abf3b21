using Harasocial.Sync.Sync.Activities;
using Harasocial.Sync.Sync.Durable;
using Microsoft.Azure.Functions.Worker;

namespace Harasocial.Functions.Functions;

/// <summary>The sync activities: the product's services, one unit of channel work and its writes each.</summary>
internal sealed class SyncActivities(IServiceProvider services)
{
    [Function(SyncTaskNames.ImportConversationPage)]
    public Task<ActivityResult<PageResult>> ImportConversationPage([ActivityTrigger] PageInput input, CancellationToken cancellationToken) =>
        Run<PageInput, ActivityResult<PageResult>>(SyncTaskNames.ImportConversationPage, input, cancellationToken);

    [Function(SyncTaskNames.ImportConversationMessages)]
    public Task<ActivityResult<MessagesResult>> ImportConversationMessages([ActivityTrigger] MessagesInput input, CancellationToken cancellationToken) =>
        Run<MessagesInput, ActivityResult<MessagesResult>>(SyncTaskNames.ImportConversationMessages, input, cancellationToken);

    [Function(SyncTaskNames.ImportPosts)]
    public Task<ActivityResult<PostsResult>> ImportPosts([ActivityTrigger] PostsInput input, CancellationToken cancellationToken) =>
        Run<PostsInput, ActivityResult<PostsResult>>(SyncTaskNames.ImportPosts, input, cancellationToken);

    [Function(SyncTaskNames.ImportComments)]
    public Task<ActivityResult<CommentsResult>> ImportComments([ActivityTrigger] CommentsInput input, CancellationToken cancellationToken) =>
        Run<CommentsInput, ActivityResult<CommentsResult>>(SyncTaskNames.ImportComments, input, cancellationToken);

    [Function(SyncTaskNames.KeepNewestComments)]
    public Task<ActivityResult<int>> KeepNewestComments([ActivityTrigger] KeepCommentsInput input, CancellationToken cancellationToken) =>
        Run<KeepCommentsInput, ActivityResult<int>>(SyncTaskNames.KeepNewestComments, input, cancellationToken);

    [Function(SyncTaskNames.RefreshExpiringToken)]
    public Task<ActivityResult<bool>> RefreshExpiringToken([ActivityTrigger] RefreshInput input, CancellationToken cancellationToken) =>
        Run<RefreshInput, ActivityResult<bool>>(SyncTaskNames.RefreshExpiringToken, input, cancellationToken);

    [Function(SyncTaskNames.FinishJob)]
    public Task<bool> FinishJob([ActivityTrigger] FinishInput input, CancellationToken cancellationToken) =>
        Run<FinishInput, bool>(SyncTaskNames.FinishJob, input, cancellationToken);

    [Function(SyncTaskNames.NextSpamCheck)]
    public Task<SpamDue> NextSpamCheck([ActivityTrigger] SpamWatchRef input, CancellationToken cancellationToken) =>
        Run<SpamWatchRef, SpamDue>(SyncTaskNames.NextSpamCheck, input, cancellationToken);

    [Function(SyncTaskNames.CompleteSpamCheck)]
    public Task<DateTimeOffset?> CompleteSpamCheck([ActivityTrigger] SpamCheckDone input, CancellationToken cancellationToken) =>
        Run<SpamCheckDone, DateTimeOffset?>(SyncTaskNames.CompleteSpamCheck, input, cancellationToken);

    /// <summary>The activity registered under <paramref name="name"/> (the same keyed service the standalone host runs).</summary>
    private Task<TOut> Run<TIn, TOut>(string name, TIn input, CancellationToken cancellationToken) =>
        services.GetRequiredKeyedService<ISyncActivity<TIn, TOut>>(name).RunAsync(input, cancellationToken);
}
