using Harasocial.Sync.Channels;
using Harasocial.Sync.Storage;

namespace Harasocial.Sync.Sync.Steps;

/// <summary>How a conversation read from a channel updates its stored row: activity never moves backwards.</summary>
internal static class ConversationRows
{
    public const string SpamNotice = "This buyer's conversation was in Facebook's Spam folder. Reply to move the buyer back to your inbox.";

    /// <summary>The row sync step <paramref name="stepId"/> of job <paramref name="jobId"/> stores for
    /// <paramref name="incoming"/>: a new one records the step that created it, every one the step that wrote it last.</summary>
    public static ConversationEntity Merge(ConversationEntity? old, ChannelConversation incoming, string folder, string jobId, string stepId, DateTimeOffset now)
    {
        var row = old?.CopyAs(old.RowKey) ?? new ConversationEntity
        {
            Folder = folder,
            Status = "open",
            CreatedAt = now,
            LastMessageAt = incoming.LastActivityAt,
            Notice = folder == "spam" ? SpamNotice : null,
            ImportedByJob = jobId,
            ImportedByStep = stepId,
        };
        row.ETag = old?.ETag ?? default;
        row.SyncedBy = ConversationEntity.Writer(jobId, stepId);
        row.CustomerName = incoming.Customer.Name ?? row.CustomerName;
        row.ThreadId = incoming.ExternalId;
        if (incoming.LastActivityAt > row.LastMessageAt)
        {
            row.LastMessageAt = incoming.LastActivityAt;
        }

        if (incoming.Customer.IsFollower is { } follower)
        {
            row.IsFollower = follower;
        }

        NoteInbound(row, incoming.Messages);
        if (row.Folder == "spam" && IsAnswered(incoming.Messages, old?.CreatedAt))
        {
            // The seller has answered this buyer (on the channel itself, its echo lost or not here yet): SPEC §2 says a
            // reply from either side moves the buyer out of Spam, and a spam check never puts them back.
            MoveToInbox(row);
        }

        return row;
    }

    /// <summary>A reply from either side (ours, or the channel's echo of one made elsewhere) clears the Spam mark.</summary>
    public static void MoveToInbox(ConversationEntity row)
    {
        row.Folder = "inbox";
        row.Notice = null;
    }

    /// <summary>
    /// The seller answered the buyer: the thread's newest message is the seller's, or (a conversation we already filed
    /// in Spam) the seller wrote after we filed it. Earlier seller messages alone do not count: a buyer answered long
    /// ago can still land in Spam.
    /// </summary>
    private static bool IsAnswered(IReadOnlyList<ChannelMessage> messages, DateTimeOffset? filedAt) =>
        messages.MaxBy(m => m.SentAt) is { Direction: MessageDirection.Out }
        || (filedAt is { } at && messages.Any(m => m.Direction == MessageDirection.Out && m.SentAt > at));

    /// <summary>Whether sync step <paramref name="stepId"/> of job <paramref name="jobId"/> created this row (in an
    /// earlier attempt, when the step is redelivered).</summary>
    public static bool CreatedBy(ConversationEntity row, string jobId, string stepId) =>
        string.Equals(row.ImportedByJob, jobId, StringComparison.Ordinal) && string.Equals(row.ImportedByStep, stepId, StringComparison.Ordinal);

    /// <summary>Longest preview kept on a conversation row (the list shows one line).</summary>
    public const int PreviewLength = 140;

    /// <summary>
    /// Remembers the buyer's newest message (reply windows and Zalo replies are measured from it) and the newest message
    /// of all as the list's preview. True when something changed.
    /// </summary>
    public static bool NoteInbound(ConversationEntity row, IReadOnlyCollection<ChannelMessage> messages) =>
        NotePreview(row, messages) | NoteBuyer(row, messages);

    /// <summary>The newest message becomes the preview unless a newer one is there already (messages arrive out of order).</summary>
    public static bool NotePreview(ConversationEntity row, IEnumerable<ChannelMessage> messages)
    {
        var newest = messages.MaxBy(m => m.SentAt);
        if (newest is null || (row.PreviewAt is { } shown && newest.SentAt < shown))
        {
            return false;
        }

        var text = newest.Text is { Length: > 0 } t
            ? (t.Length > PreviewLength ? t[..(PreviewLength - 1)] + "…" : t)
            : newest.Attachments.Count > 0 ? $"[{string.Join(", ", newest.Attachments.Select(a => a.Type))}]" : null;
        var direction = newest.Direction == MessageDirection.Out ? "out" : "in";
        if (row.PreviewAt == newest.SentAt && row.PreviewText == text && row.PreviewDirection == direction)
        {
            return false;
        }

        (row.PreviewText, row.PreviewDirection, row.PreviewAt) = (text, direction, newest.SentAt);
        return true;
    }

    private static bool NoteBuyer(ConversationEntity row, IEnumerable<ChannelMessage> messages)
    {
        var newest = messages.Where(m => m.Direction == MessageDirection.In).MaxBy(m => m.SentAt);
        if (newest is null || newest.SentAt <= (row.LastInboundAt ?? DateTimeOffset.MinValue))
        {
            return false;
        }

        row.LastInboundAt = newest.SentAt;
        row.LastInboundMessageId = newest.ExternalId;
        if (newest.SentAt > row.LastMessageAt)
        {
            row.LastMessageAt = newest.SentAt;
        }

        return true;
    }
}
