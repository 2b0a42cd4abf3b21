using System.Text.Json;
using System.Text.Json.Serialization;
using Harasocial.Sync.Channels.Json;

namespace Harasocial.Sync.Channels.Shopee;

// Push envelope (channel-apis.md §4.7): {shop_id, code, timestamp, data{type, content}}; content may be a JSON string.

internal sealed record ShopeePush(
    [property: JsonPropertyName("shop_id"), JsonConverter(typeof(RawIdConverter))] string? ShopId,
    [property: JsonPropertyName("code")] int? Code,
    [property: JsonPropertyName("timestamp")] long? Timestamp,
    [property: JsonPropertyName("data")] ShopeePushData? Data);

internal sealed record ShopeePushData(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("content")] JsonElement Content);

internal sealed record ShopeePushMessage(
    [property: JsonPropertyName("message_id"), JsonConverter(typeof(RawIdConverter))] string? MessageId,
    [property: JsonPropertyName("conversation_id"), JsonConverter(typeof(RawIdConverter))] string? ConversationId,
    [property: JsonPropertyName("from_id"), JsonConverter(typeof(RawIdConverter))] string? FromId,
    [property: JsonPropertyName("from_user_name")] string? FromUserName,
    [property: JsonPropertyName("to_id"), JsonConverter(typeof(RawIdConverter))] string? ToId,
    [property: JsonPropertyName("to_user_name")] string? ToUserName,
    [property: JsonPropertyName("message_type")] string? MessageType,
    [property: JsonPropertyName("content")] JsonElement Content,
    [property: JsonPropertyName("created_timestamp")] long? CreatedTimestamp);
