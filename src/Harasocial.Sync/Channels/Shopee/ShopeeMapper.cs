using System.Text.Json;

namespace Harasocial.Sync.Channels.Shopee;

internal static class ShopeeMapper
{
    /// <summary>One conversation per buyer: ExternalId = conversation_id, Customer.Id = to_id (the buyer). The
    /// inline page is the latest message only, so MessagesCursor always points at get_message's first page.</summary>
    public static ChannelConversation ToConversation(ShopeeConversation c, int inlineMessages)
    {
        var customer = new ChannelCustomer(c.ToId ?? throw new FormatException("Shopee conversation without to_id."), c.ToName);
        var at = c.LastMessageTimestamp is { } ns ? ChannelTime.FromNanos(ns) : DateTimeOffset.UnixEpoch;
        var inline = new List<ChannelMessage>();
        if (inlineMessages > 0 && c.LatestMessageId is { } latestId)
        {
            var (text, attachments) = Content(c.LatestMessageType, c.LatestMessageContent);
            var direction = string.Equals(c.LatestMessageFromId, customer.Id, StringComparison.Ordinal) ? MessageDirection.In : MessageDirection.Out;
            inline.Add(new ChannelMessage(latestId, direction, text, attachments, at, c.LatestMessageFromId));
        }

        return new ChannelConversation(c.ConversationId!, customer, at, inline, ShopeeCursor.MessagesStart);
    }

    /// <summary>created_timestamp is seconds per WIRE.md; values above 10^12 are treated as ms (community code
    /// disagrees on the unit, channel-apis.md §4.4 [verify]).</summary>
    public static ChannelMessage ToMessage(ShopeeMessage m, string customerId)
    {
        var (text, attachments) = Content(m.MessageType, m.Content);
        return new ChannelMessage(
            m.MessageId ?? throw new FormatException("Shopee message without message_id."),
            string.Equals(m.FromId, customerId, StringComparison.Ordinal) ? MessageDirection.In : MessageDirection.Out,
            text,
            attachments,
            m.CreatedTimestamp is { } ts ? ChannelTime.FromSecondsOrMillis(ts) : DateTimeOffset.UnixEpoch,
            m.FromId);
    }

    /// <summary>`content` is `{text}` for text and `{url,…}` for media; other types (item, order, sticker…)
    /// become an attachment of that type.</summary>
    public static (string? Text, IReadOnlyList<ChannelAttachment> Attachments) Content(string? type, JsonElement content)
    {
        var text = Property(content, "text");
        var url = Property(content, "url") ?? Property(content, "video_url") ?? Property(content, "image_url");
        type ??= "text";
        if (type == "text")
        {
            return (text, []);
        }

        return (text, [new ChannelAttachment(type == "image" ? "image" : type, url)]);
    }

    public static string? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
