using System.Text.Json;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Storage;

namespace Harasocial.Sync.Inbox;

internal sealed record CustomerView(string Id, string? Name);

/// <summary>The newest message of a conversation, shortened: what the list shows under the buyer's name.</summary>
internal sealed record MessagePreview(string? Text, string Direction, DateTimeOffset SentAt);

/// <summary>A conversation as the API shows it; <c>AwaitingReply</c>: the buyer wrote last, the seller has not answered yet (the list's unread mark).</summary>
internal sealed record ConversationView(
    string Id, string ConnectionId, string Channel, string? ExternalId, CustomerView Customer, string Folder, string Status,
    string? Notice, DateTimeOffset LastMessageAt, bool? IsFollower, MessagePreview? LastMessage, bool AwaitingReply)
{
    public static ConversationView From(ConnectionEntity connection, ConversationEntity c) => new(
        Keys.Compose(connection.RowKey, c.CustomerId), connection.RowKey, connection.Channel, c.ThreadId,
        new CustomerView(c.CustomerId, c.CustomerName), c.Folder, c.Status, c.Notice, c.LastMessageAt, c.IsFollower,
        c.PreviewAt is { } at ? new MessagePreview(c.PreviewText, c.PreviewDirection ?? "in", at) : null,
        c.PreviewDirection == "in");
}

internal sealed record MessageView(string Id, string ExternalId, string Direction, string? Text, IReadOnlyList<ChannelAttachment> Attachments, DateTimeOffset SentAt, bool? DetailsUnavailable)
{
    public static MessageView From(string conversationId, MessageEntity m) => new(
        conversationId + ":" + Keys.Compose("m", m.ExternalId)[2..], m.ExternalId, m.Direction, m.Text,
        m.Attachments is null ? [] : JsonSerializer.Deserialize(m.Attachments, StorageJsonContext.Default.ListChannelAttachment) ?? [],
        m.SentAt, m.DetailsUnavailable ? true : null);
}

internal sealed record PostView(string Id, string ExternalId, string? Text, DateTimeOffset CreatedAt, string? Permalink, int? CommentCount)
{
    public static PostView From(string connectionId, PostEntity p) => new(Keys.Compose(connectionId, p.ExternalId), p.ExternalId, p.Text, p.CreatedAt, p.Permalink, p.CommentCount);
}

internal sealed record CommentView(string Id, string ExternalId, string PostId, string? ParentExternalId, string? Text, string? AuthorId, string? AuthorName, DateTimeOffset CreatedAt);
