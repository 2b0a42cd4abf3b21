using Harasocial.Sync.Channels;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Durable;
using Harasocial.Sync.Sync.Jobs;
using Harasocial.Sync.Sync.Steps;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Sync.Activities;

internal sealed record MessagesInput(JobRef Job, ChannelPolicy Policy, ConversationWork Conversation, DateTimeOffset? Since);

/// <param name="Imported">Messages stored for this conversation.</param>
/// <param name="HitLimit">The conversation had more than its limit allows.</param>
/// <param name="IsFollower">Zalo: whether the customer follows the OA (decides the limit).</param>
/// <param name="Resume">Set when a call failed after some pages were stored: the rest of the work, to call again with.</param>
/// <param name="ResumeAfter">How long to wait before resuming (the channel throttled).</param>
internal sealed record MessagesResult(int Imported, bool HitLimit, bool? IsFollower, ConversationWork? Resume = null, TimeSpan? ResumeAfter = null);

/// <summary>
/// <c>ImportConversationMessages</c>: one conversation's messages, newest first, page by page until its limit —
/// for Zalo after asking whether the customer follows the OA (100 messages, or 1 if they unfollowed). A resync stops
/// at the first page holding a message it already has; a backfill at its cut-off age. Every write is keyed by the
/// channel's message id, so a re-run after a crash or a throttle wait stores nothing twice. A conversation takes up to
/// ~11 calls; a transient failure or a throttle answer after the first stored page does not throw the stored pages
/// away: the activity answers with what it stored and where to resume, and the orchestration calls it again from there
/// (only a failure before any progress is left to the Durable retry policy).
/// </summary>
internal sealed class ConversationMessagesActivity(ChannelWork work, ConversationStore conversations, MessageStore messages, IOptions<SyncOptions> options)
    : ISyncActivity<MessagesInput, ActivityResult<MessagesResult>>
{
    public Task<ActivityResult<MessagesResult>> RunAsync(MessagesInput input, CancellationToken cancellationToken) =>
        work.RunAsync(input.Job, context => ImportAsync(context, input, cancellationToken), cancellationToken);

    private async Task<(MessagesResult, JobCounts)> ImportAsync(WorkContext context, MessagesInput input, CancellationToken cancellationToken)
    {
        var (job, conversation) = (input.Job, input.Conversation);
        var customerId = conversation.CustomerId;
        var remaining = conversation.Remaining;
        bool? follows = null;
        if (conversation.CheckFollower)
        {
            var customer = await context.Client.GetCustomerAsync(context.Account, customerId, cancellationToken);
            follows = customer.IsFollower ?? true;
            await conversations.SaveAsync(job.ConnectionId, [customerId], (old, _) =>
            {
                var row = old!.CopyAs(old.RowKey);
                row.ETag = old.ETag;
                row.IsFollower = follows;
                row.CustomerName = customer.Name ?? row.CustomerName;
                return row;
            }, cancellationToken, onlyExisting: true);
            remaining = follows.Value ? input.Policy.Messages : input.Policy.MessagesIfUnfollowed;
        }

        var (imported, pages) = (0, 0);
        var cursor = conversation.Cursor;
        var hitLimit = false;
        while (remaining > 0)
        {
            var pageSize = Math.Min(remaining, context.Client.Limits.MessagePageSize);
            MessagePage page;
            try
            {
                page = await context.Client.ListMessagesAsync(context.Account, conversation.ThreadId ?? customerId, customerId, cursor, pageSize, cancellationToken);
            }
            catch (ChannelException ex) when (ex.Kind is ChannelErrorKind.Transient or ChannelErrorKind.RateLimited && (pages > 0 || follows is not null))
            {
                var resume = conversation with { Cursor = cursor, Remaining = remaining, CheckFollower = false };
                var wait = ex.Kind == ChannelErrorKind.RateLimited ? options.Value.ThrottleWait(ex.RetryAfter) : (TimeSpan?)null;
                return (new MessagesResult(imported, false, follows, resume, wait), new JobCounts(Messages: imported, NewMessages: imported));
            }

            var taken = page.Items.Take(remaining).Where(m => input.Since is null || m.SentAt >= input.Since).ToList();

            // One writer per page of this job's conversation: a re-run reads the same pages and counts what it stored
            // before; a message an earlier page stored (offset pages shift when one arrives meanwhile) is not counted.
            var saved = await messages.SaveAsync(job.ConnectionId, customerId, taken, partitionIsNew: false, MessageStore.WriterOf(job.JobId, PageId(customerId, cursor)), cancellationToken);
            await NoteInboundAsync(job.ConnectionId, customerId, taken, cancellationToken);
            (imported, pages) = (imported + saved.Stored, pages + 1);
            remaining -= taken.Count;

            var reachedKnown = conversation.StopAtKnown && saved.AlreadyStored > 0;
            var reachedCutOff = taken.Count < Math.Min(remaining + taken.Count, page.Items.Count);
            hitLimit = remaining <= 0 && (page.NextCursor is not null || page.Items.Count > taken.Count);
            if (page.NextCursor is null || taken.Count == 0 || reachedKnown || reachedCutOff)
            {
                break;
            }

            cursor = page.NextCursor;
        }

        return (new MessagesResult(imported, hitLimit, follows), new JobCounts(Messages: imported, NewMessages: imported));
    }

    private static string PageId(string customerId, string? cursor) => $"messages:{customerId}:{cursor ?? "start"}";

    /// <summary>The buyer's newest message and the list's preview, on the conversation row (a save that changes nothing writes nothing).</summary>
    private async Task NoteInboundAsync(string connectionId, string customerId, List<ChannelMessage> taken, CancellationToken cancellationToken)
    {
        if (taken.Count == 0)
        {
            return;
        }

        await conversations.SaveAsync(connectionId, [customerId], (old, _) =>
        {
            var row = old!.CopyAs(old.RowKey);
            row.ETag = old.ETag;
            ConversationRows.NoteInbound(row, taken);
            return row;
        }, cancellationToken, onlyExisting: true);
    }
}
