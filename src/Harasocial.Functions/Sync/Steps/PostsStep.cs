using Harasocial.Functions.Storage;

namespace Harasocial.Functions.Sync.Steps;

/// <summary>The newest posts (Facebook) or media (Instagram), then one step for their newest comments.</summary>
internal sealed class PostsStep(PostStore posts)
{
    public async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        var page = await context.Client.ListPostsAsync(context.Account, null, context.Policy.Posts, cancellationToken);
        var taken = page.Items.OrderByDescending(p => p.CreatedAt).Take(context.Policy.Posts).ToList();
        await posts.SavePostsAsync(step.ConnectionId, taken, cancellationToken);
        var children = taken.Count == 0 || context.Policy.Comments <= 0
            ? []
            : new List<(string, SyncStep)> { (StepTypes.Comments, step.Child("comments:0") with { PostIds = [.. taken.Select(p => p.ExternalId)], Cursor = "0" }) };
        return new StepResult(new StepProgress(Posts: taken.Count, ApiCalls: context.Client.Calls, NewPosts: taken.Count), children, "posts");
    }
}
