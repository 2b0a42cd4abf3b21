using Harasocial.Functions.Storage;

namespace Harasocial.Functions.Sync.Steps;

/// <summary>One page of a conversation's messages (newest first), until the conversation's limit is reached.</summary>
internal sealed class MessagesStep(ConversationStore conversations, MessageStore messages)
{
    public async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        var customerId = step.CustomerId!;
        var pageSize = Math.Min(step.Remaining, context.Client.Limits.MessagePageSize);
        var page = await context.Client.ListMessagesAsync(context.Account, step.ThreadId ?? customerId, customerId, step.Cursor, pageSize, cancellationToken);
        var taken = page.Items.Take(step.Remaining).Where(m => step.Since is null || m.SentAt >= step.Since).ToList();
        var saved = await messages.SaveAsync(step.ConnectionId, customerId, taken, partitionIsNew: false, MessageStore.WriterOf(step.JobId, step.StepId), cancellationToken);

        if (taken.Count > 0)
        {
            var row = await conversations.GetAsync(step.ConnectionId, customerId, cancellationToken);
            if (row is not null)
            {
                var updated = row.CopyAs(row.RowKey);
                updated.ETag = row.ETag;
                if (ConversationRows.NoteInbound(updated, taken))
                {
                    // Best effort: a concurrent webhook may already have moved it further.
                    await conversations.TryReplaceAsync(row, updated, cancellationToken);
                }
            }
        }

        // A resync stops at messages it already has; a backfill at its cut-off age (pages are newest first).
        var reachedKnown = step.StopAtKnown && saved.AlreadyStored > 0;
        var reachedCutOff = taken.Count < Math.Min(step.Remaining, page.Items.Count);
        var remaining = step.Remaining - taken.Count;
        var children = remaining > 0 && page.NextCursor is not null && taken.Count > 0 && !reachedKnown && !reachedCutOff
            ? new List<(string, SyncStep)>
            {
                (StepTypes.Messages, step.Child(StepIds.Messages(step.StepId, customerId, page.NextCursor)) with { Cursor = page.NextCursor, Remaining = remaining }),
            }
            : [];
        // Counted: what this step stored, not what it read (offset pages shift when a message arrives meanwhile, so a
        // page may repeat one the page before stored).
        return new StepResult(new StepProgress(Messages: saved.Stored, ApiCalls: context.Client.Calls, NewMessages: saved.Stored), children, "messages");
    }
}
