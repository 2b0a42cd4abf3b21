using Harasocial.Functions.Channels;
using Harasocial.Functions.Storage;

namespace Harasocial.Functions.Sync.Steps;

/// <summary>
/// The newest N comments ACROSS the imported posts. This step makes one call per post (at most 5) rather than
/// one: the cut can only be made with every post's newest comments in hand, and carrying them between steps would
/// not fit a queue message. A redelivery repeats the calls and rewrites the same rows.
/// </summary>
internal sealed class CommentsStep(PostStore posts)
{
    public async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        var limit = context.Policy.Comments;
        var pages = new List<ChannelComment>();
        foreach (var postId in step.PostIds ?? [])
        {
            var page = await context.Client.ListCommentsAsync(context.Account, postId, null, limit, cancellationToken);
            pages.AddRange(page.Items);
        }

        var newest = pages.DistinctBy(c => c.ExternalId, StringComparer.Ordinal).OrderByDescending(c => c.CreatedAt).Take(limit).ToList();
        await posts.SaveCommentsAsync(step.ConnectionId, newest, cancellationToken);
        return new StepResult(new StepProgress(Comments: newest.Count, ApiCalls: context.Client.Calls, NewComments: newest.Count), [], "comments");
    }
}
