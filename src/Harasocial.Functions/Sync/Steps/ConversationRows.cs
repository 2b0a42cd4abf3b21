using Harasocial.Functions.Channels;
using Harasocial.Functions.Storage;

namespace Harasocial.Functions.Sync.Steps;

/// <summary>How a conversation read from a channel updates its stored row: activity never moves backwards.</summary>
internal static class ConversationRows
{
    public const string SpamNotice = "This buyer's conversation was in Facebook's Spam folder. Reply to move the buyer back to your inbox.";

    public static ConversationEntity Merge(ConversationEntity? old, ChannelConversation incoming, string folder, string jobId, DateTimeOffset now)
    {
        var row = old?.CopyAs(old.RowKey) ?? new ConversationEntity
        {
            Folder = folder,
            Status = "open",
            CreatedAt = now,
            LastMessageAt = incoming.LastActivityAt,
            Notice = folder == "spam" ? SpamNotice : null,
            ImportedByJob = jobId,
        };
        row.ETag = old?.ETag ?? default;
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
        return row;
    }

    /// <summary>Remembers the buyer's newest message: reply windows and Zalo replies are measured from it.</summary>
    public static bool NoteInbound(ConversationEntity row, IEnumerable<ChannelMessage> messages)
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
