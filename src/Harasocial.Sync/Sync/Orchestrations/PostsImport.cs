using Harasocial.Sync.Channels;
using Harasocial.Sync.Sync.Activities;
using Harasocial.Sync.Sync.Durable;
using Harasocial.Sync.Sync.Jobs;

namespace Harasocial.Sync.Sync.Orchestrations;

/// <summary>
/// Posts and comments of an initial sync: the newest posts (one call), each post's newest comments (one call per
/// post, in order), then the newest N across them are kept.
/// </summary>
internal static class PostsImport
{
    public static async Task RunAsync(JobFlow flow)
    {
        var (policy, channel) = (flow.Job.Policy, flow.Job.Channel.ToWireName());
        flow.Enter("posts");
        var posts = await flow.RunAsync<PostsInput, PostsResult>(SyncTaskNames.ImportPosts, new PostsInput(flow.Ref, policy));
        var morePosts = posts.Found is not { } all || all > posts.PostIds.Count;
        flow.AddReport(new LimitReport($"{channel}.posts", policy.Posts, posts.Found, posts.PostIds.Count, morePosts ? StoppedBecause.Limit : StoppedBecause.Exhausted));
        if (posts.PostIds.Count == 0 || policy.Comments <= 0)
        {
            return;
        }

        flow.Enter("comments");
        flow.AddReport(new LimitReport($"{channel}.comments", policy.Comments, null, 0, StoppedBecause.Running));
        var (found, created) = (0, 0);
        foreach (var postId in posts.PostIds)
        {
            var comments = await flow.RunAsync<CommentsInput, CommentsResult>(SyncTaskNames.ImportComments, new CommentsInput(flow.Ref, policy, postId));
            (found, created) = (found + comments.Found, created + comments.Created);
        }

        var kept = await flow.RunAsync<KeepCommentsInput, int>(SyncTaskNames.KeepNewestComments, new KeepCommentsInput(flow.Ref, policy, posts.PostIds, created));
        flow.AddReport(new LimitReport($"{channel}.comments", policy.Comments, found, kept, found > kept ? StoppedBecause.Limit : StoppedBecause.Exhausted));
    }
}
