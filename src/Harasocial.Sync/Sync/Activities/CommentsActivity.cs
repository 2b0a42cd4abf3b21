using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Durable;
using Harasocial.Sync.Sync.Jobs;

namespace Harasocial.Sync.Sync.Activities;

internal sealed record CommentsInput(JobRef Job, ChannelPolicy Policy, string PostId);

/// <param name="Found">Comments the channel listed for the post (up to the limit).</param>
/// <param name="Created">Comment rows this job created for it (a re-run counts its own rows again).</param>
internal sealed record CommentsResult(int Found, int Created);

/// <summary>
/// <c>ImportComments</c>: one post's newest comments, one call. The newest N across all posts are kept afterwards by
/// <see cref="KeepNewestCommentsActivity"/>; rows are keyed by comment id and record the job that created them, so a
/// re-run changes nothing and a repeated sync counts nothing twice.
/// </summary>
internal sealed class CommentsActivity(ChannelWork work, PostStore posts) : ISyncActivity<CommentsInput, ActivityResult<CommentsResult>>
{
    public Task<ActivityResult<CommentsResult>> RunAsync(CommentsInput input, CancellationToken cancellationToken) =>
        work.RunAsync(input.Job, async context =>
        {
            var page = await context.Client.ListCommentsAsync(context.Account, input.PostId, null, input.Policy.Comments, cancellationToken);
            var created = await posts.SaveCommentsAsync(
                input.Job.ConnectionId, page.Items.OrderByDescending(c => c.CreatedAt).Take(input.Policy.Comments), input.Job.JobId, cancellationToken);
            return (new CommentsResult(page.Items.Count, created), new JobCounts(Comments: created, NewComments: created));
        }, cancellationToken);
}

/// <summary>
/// What <see cref="KeepNewestCommentsActivity"/> trims; <c>Created</c> is what the job's <c>ImportComments</c>
/// activities reported creating: this activity's counts take back the rows of those it deletes.
/// </summary>
internal sealed record KeepCommentsInput(JobRef Job, ChannelPolicy Policy, IReadOnlyList<string> PostIds, int Created = 0);

/// <summary>
/// <c>KeepNewestComments</c>: keeps the newest N comments across the imported posts; of the rest, deletes those this
/// job created (comments stored before stay). Its counts correct the job's: the job ends having counted exactly the
/// rows it created that remain, however often this runs.
/// </summary>
internal sealed class KeepNewestCommentsActivity(PostStore posts) : ISyncActivity<KeepCommentsInput, ActivityResult<int>>
{
    public async Task<ActivityResult<int>> RunAsync(KeepCommentsInput input, CancellationToken cancellationToken)
    {
        var (kept, own) = await posts.KeepNewestCommentsAsync(input.Job.ConnectionId, input.PostIds, input.Policy.Comments, input.Job.JobId, cancellationToken);
        return new(kept, new JobCounts(Comments: own - input.Created, NewComments: own - input.Created));
    }
}
