using System.Globalization;
using Harasocial.Functions.Storage;

namespace Harasocial.Functions.Sync.Steps;

/// <summary>
/// The newest N comments ACROSS the imported posts, one channel call per step: the steps walk the posts in order
/// (the cursor is the post's index), each storing that post's newest N; the last one keeps the newest N of all of
/// them and deletes the rest. Every step is idempotent (rows keyed by comment id), so redelivery changes nothing.
/// </summary>
internal sealed class CommentsStep(PostStore posts)
{
    public async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        var limit = context.Policy.Comments;
        var postIds = step.PostIds ?? [];
        var index = int.Parse(step.Cursor ?? "0", CultureInfo.InvariantCulture);
        var page = await context.Client.ListCommentsAsync(context.Account, postIds[index], null, limit, cancellationToken);
        await posts.SaveCommentsAsync(step.ConnectionId, page.Items.OrderByDescending(c => c.CreatedAt).Take(limit), cancellationToken);

        if (index + 1 < postIds.Count)
        {
            var next = (index + 1).ToString(CultureInfo.InvariantCulture);
            return new StepResult(new StepProgress(ApiCalls: context.Client.Calls), [(StepTypes.Comments, step.Child("comments:" + next) with { Cursor = next })], "comments");
        }

        var kept = await posts.KeepNewestCommentsAsync(step.ConnectionId, postIds, limit, cancellationToken);
        return new StepResult(new StepProgress(Comments: kept, ApiCalls: context.Client.Calls, NewComments: kept), [], "comments");
    }
}
