using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Durable;
using Harasocial.Sync.Sync.Jobs;

namespace Harasocial.Sync.Sync.Activities;

internal sealed record CommentsInput(JobRef Job, ChannelPolicy Policy, string PostId);

/// <summary>
/// <c>ImportComments</c>: one post's newest comments, one call. The newest N across all posts are kept afterwards by
/// <see cref="KeepNewestCommentsActivity"/>; rows are keyed by comment id, so a re-run changes nothing.
/// </summary>
internal sealed class CommentsActivity(ChannelWork work, PostStore posts) : ISyncActivity<CommentsInput, ActivityResult<int>>
{
    public Task<ActivityResult<int>> RunAsync(CommentsInput input, CancellationToken cancellationToken) =>
        work.RunAsync(input.Job, async context =>
        {
            var page = await context.Client.ListCommentsAsync(context.Account, input.PostId, null, input.Policy.Comments, cancellationToken);
            await posts.SaveCommentsAsync(input.Job.ConnectionId, page.Items.OrderByDescending(c => c.CreatedAt).Take(input.Policy.Comments), cancellationToken);
            return (page.Items.Count, JobCounts.Zero);
        }, cancellationToken);
}

internal sealed record KeepCommentsInput(JobRef Job, ChannelPolicy Policy, IReadOnlyList<string> PostIds);

/// <summary><c>KeepNewestComments</c>: keeps the newest N comments across the imported posts and deletes the rest.</summary>
internal sealed class KeepNewestCommentsActivity(PostStore posts) : ISyncActivity<KeepCommentsInput, ActivityResult<int>>
{
    public async Task<ActivityResult<int>> RunAsync(KeepCommentsInput input, CancellationToken cancellationToken)
    {
        var kept = await posts.KeepNewestCommentsAsync(input.Job.ConnectionId, input.PostIds, input.Policy.Comments, cancellationToken);
        return new(kept, new JobCounts(Comments: kept, NewComments: kept));
    }
}
