using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Durable;
using Harasocial.Sync.Sync.Jobs;

namespace Harasocial.Sync.Sync.Activities;

internal sealed record PostsInput(JobRef Job, ChannelPolicy Policy);

/// <param name="PostIds">The posts taken: the newest, up to the limit.</param>
/// <param name="Found">How many the channel has, when the listing ended within the page (null: more than were asked for).</param>
internal sealed record PostsResult(IReadOnlyList<string> PostIds, int? Found);

/// <summary>
/// <c>ImportPosts</c>: the newest posts (Facebook) or media (Instagram), one call. Progress counts the posts this job
/// stored; the connection's count only those it created (a repeated initial sync finds them stored).
/// </summary>
internal sealed class PostsActivity(ChannelWork work, PostStore posts) : ISyncActivity<PostsInput, ActivityResult<PostsResult>>
{
    public Task<ActivityResult<PostsResult>> RunAsync(PostsInput input, CancellationToken cancellationToken) =>
        work.RunAsync(input.Job, async context =>
        {
            var page = await context.Client.ListPostsAsync(context.Account, null, input.Policy.Posts, cancellationToken);
            var taken = page.Items.OrderByDescending(p => p.CreatedAt).Take(input.Policy.Posts).ToList();
            var created = await posts.SavePostsAsync(input.Job.ConnectionId, taken, input.Job.JobId, cancellationToken);
            // One page of the limit's size: a next page means the channel has more than the limit allows.
            var found = page.NextCursor is null ? page.Items.Count : (int?)null;
            return (new PostsResult([.. taken.Select(p => p.ExternalId)], found), new JobCounts(Posts: taken.Count, NewPosts: created));
        }, cancellationToken);
}
