using Azure;
using Azure.Data.Tables;

namespace Harasocial.Sync.Storage;

/// <summary>
/// Conversations live in one partition per connection: the conversation row (RK = "c|{customer}") and its listing
/// row (RK = "i|{folder}|{inverted last activity}|{customer}", a copy of the same fields) move together in one
/// transaction, so "newest activity first" is a plain range query.
/// </summary>
internal sealed class ConversationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string CustomerId { get; set; } = string.Empty;

    public string? CustomerName { get; set; }

    /// <summary>The platform's own thread id (Graph <c>t_…</c>, Shopee conversation id; Zalo: the customer id).</summary>
    public string? ThreadId { get; set; }

    public string Folder { get; set; } = "inbox";

    public string Status { get; set; } = "open";

    public string? Notice { get; set; }

    public DateTimeOffset LastMessageAt { get; set; }

    public DateTimeOffset? LastInboundAt { get; set; }

    public string? LastInboundMessageId { get; set; }

    public bool? IsFollower { get; set; }

    /// <summary>The newest message stored for the conversation, for the list's preview: its text (shortened), its
    /// direction (<c>in</c>: the buyer wrote last and waits for an answer) and when it was sent.</summary>
    public string? PreviewText { get; set; }

    public string? PreviewDirection { get; set; }

    public DateTimeOffset? PreviewAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The sync job that first stored this conversation; rows of other jobs are "held" for load-more.</summary>
    public string? ImportedByJob { get; set; }

    /// <summary>The step of <see cref="ImportedByJob"/> that created the row: a redelivery of that step counts it again.</summary>
    public string? ImportedByStep { get; set; }

    /// <summary>
    /// The last sync step that wrote this conversation (<see cref="Writer"/>): a later page of the same job skips the
    /// customer (Zalo's message-per-row listing repeats customers), a redelivery of the same step takes it again.
    /// </summary>
    public string? SyncedBy { get; set; }

    public static string Writer(string jobId, string stepId) => jobId + "/" + stepId;

    /// <summary>Whether storing this row would change nothing in <paramref name="stored"/> (every data field; keep new fields listed here).</summary>
    public bool SameContentAs(ConversationEntity stored) =>
        (CustomerId, CustomerName, ThreadId, Folder, Status, Notice, LastMessageAt, LastInboundAt, LastInboundMessageId, IsFollower, CreatedAt)
            == (stored.CustomerId, stored.CustomerName, stored.ThreadId, stored.Folder, stored.Status, stored.Notice, stored.LastMessageAt, stored.LastInboundAt,
                stored.LastInboundMessageId, stored.IsFollower, stored.CreatedAt)
        && (PreviewText, PreviewDirection, PreviewAt) == (stored.PreviewText, stored.PreviewDirection, stored.PreviewAt)
        && (ImportedByJob, ImportedByStep, SyncedBy) == (stored.ImportedByJob, stored.ImportedByStep, stored.SyncedBy);

    public ConversationEntity CopyAs(string rowKey)
    {
        var copy = (ConversationEntity)MemberwiseClone();
        copy.RowKey = rowKey;
        copy.ETag = default;
        return copy;
    }
}

/// <summary>
/// Messages: one partition per conversation. A listing row (RK = "t|{inverted sent time}|{id}") and an identity row
/// (RK = "m|{id}", pointing at the listing row) make every write keyed by the channel's own message id.
/// </summary>
internal sealed class MessageEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string ExternalId { get; set; } = string.Empty;

    public string Direction { get; set; } = "in";

    public string? Text { get; set; }

    /// <summary>Attachments as compact JSON (type, url, name).</summary>
    public string? Attachments { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public string? SenderId { get; set; }

    public bool DetailsUnavailable { get; set; }

    /// <summary>On identity rows: the listing row's key.</summary>
    public string? ListKey { get; set; }

    /// <summary>On identity rows: the sync step that stored the message (<see cref="MessageStore.WriterOf"/>), so a
    /// redelivered step counts what it stored before a crash; null for webhooks.</summary>
    public string? WrittenBy { get; set; }
}

/// <summary>Posts/media: PK = connection id, RK = "{inverted created}|{post id}". Comments: PK = "{connection}|{post}".</summary>
internal sealed class PostEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string ExternalId { get; set; } = string.Empty;

    public string? Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? Permalink { get; set; }

    public int? CommentCount { get; set; }

    // Comment-only fields.
    public string? ParentExternalId { get; set; }

    public string? AuthorId { get; set; }

    public string? AuthorName { get; set; }

    /// <summary>The sync job that created the row (null for webhooks): a re-run of the same job counts it again, a
    /// later sync never removes or counts it.</summary>
    public string? WrittenBy { get; set; }
}
