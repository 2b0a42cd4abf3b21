using System.Text.Json;

namespace Harasocial.Sync.Channels.Shopee;

/// <summary>Code 10 (webchat_push) only: `message` → MessageEvent (from_id == shop_id → echo Out), `notification`
/// → ConversationHintEvent ("go resync"); other codes and types are ignored (channel-apis.md §4.7).</summary>
internal static class ShopeePushMapper
{
    private const int WebchatPush = 10;

    public static IReadOnlyList<ChannelEvent> ToEvents(ShopeePush push)
    {
        if (push.Code != WebchatPush || push.ShopId is not { } shopId || push.Data is null)
        {
            return [];
        }

        var at = push.Timestamp is { } ts ? ChannelTime.FromSecondsOrMillis(ts) : DateTimeOffset.UnixEpoch;
        var content = ReadContent(push.Data.Content);
        switch (push.Data.Type)
        {
            case "notification":
                var conversation = content is { } c ? ShopeeMapper.Property(c, "conversation_id") : null;
                var buyer = content is { } b ? ShopeeMapper.Property(b, "from_id") ?? ShopeeMapper.Property(b, "to_id") : null;
                return [new ConversationHintEvent(ChannelKind.Shopee, shopId, at, conversation, buyer)];
            case "message" when content is { } json:
                var m = json.Deserialize(ShopeeJsonContext.Default.ShopeePushMessage);
                if (m?.MessageId is null || m.FromId is null || m.ToId is null)
                {
                    return [];
                }

                var echo = string.Equals(m.FromId, shopId, StringComparison.Ordinal);
                var (text, attachments) = ShopeeMapper.Content(m.MessageType, m.Content);
                var sentAt = m.CreatedTimestamp is { } created ? ChannelTime.FromSecondsOrMillis(created) : at;
                var message = new ChannelMessage(m.MessageId, echo ? MessageDirection.Out : MessageDirection.In, text, attachments, sentAt, m.FromId);
                return [new MessageEvent(ChannelKind.Shopee, shopId, sentAt, echo ? m.ToId : m.FromId, echo ? m.ToUserName : m.FromUserName, m.ConversationId, message, echo, null)];
            default:
                return [];
        }
    }

    /// <summary>`data.content` is sometimes a JSON STRING holding the object (community S6): accept both.</summary>
    private static JsonElement? ReadContent(JsonElement content)
    {
        try
        {
            return content.ValueKind switch
            {
                JsonValueKind.Object => content,
                JsonValueKind.String => JsonDocument.Parse(content.GetString() ?? "").RootElement.Clone(),
                _ => null,
            };
        }
        catch (JsonException ex)
        {
            throw new WebhookFormatException("Shopee push `data.content` is a string that is not JSON.", ex);
        }
    }
}
