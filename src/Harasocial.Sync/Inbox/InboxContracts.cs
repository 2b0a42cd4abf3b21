using System.Text.Json;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Storage;

namespace Harasocial.Sync.Inbox;

internal sealed record CustomerView(string Id, string? Name);

internal sealed record ConversationView(
    string Id, string ConnectionId, string Channel, string? ExternalId, CustomerView Customer, string Folder, string Status,
    string? Notice, DateTimeOffset LastMessageAt, bool? IsFollower)
{
    public static ConversationView From(ConnectionEntity connection, ConversationEntity c) => new(
        Keys.Compose(connection.RowKey, c.CustomerId), connection.RowKey, connection.Channel, c.ThreadId,
        new CustomerView(c.CustomerId, c.CustomerName), c.Folder, c.Status, c.Notice, c.LastMessageAt, c.IsFollower);
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
