using System.Text.Json;
using System.Text.Json.Serialization;
using Harasocial.Sync.Channels.Json;

namespace Harasocial.Sync.Channels.Shopee;

// Shopee seller chat shapes (WIRE.md "Shopee"; channel-apis.md §4). Ids are JSON numbers above 2^53: RawIdConverter.

internal sealed record ShopeeEnvelope<T>(
    [property: JsonPropertyName("request_id")] string? RequestId,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("response")] T? Response);

/// <summary>`GET /api/v2/shop/get_shop_info`: unlike the seller-chat calls its fields sit at the top level, next to
/// `error` and `message`, not under `response` (community SDK models of v2.shop.get_shop_info; channel-apis.md §4.2
/// uses the same path in its signing example).</summary>
internal sealed record ShopeeShopInfo(
    [property: JsonPropertyName("request_id")] string? RequestId,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("shop_name")] string? ShopName,
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("status")] string? Status);

internal sealed record ShopeeConversationList(
    [property: JsonPropertyName("conversations")] IReadOnlyList<ShopeeConversation>? Conversations,
    [property: JsonPropertyName("page_result")] ShopeeConversationPageResult? PageResult);

internal sealed record ShopeeConversation(
    [property: JsonPropertyName("conversation_id"), JsonConverter(typeof(RawIdConverter))] string? ConversationId,
    [property: JsonPropertyName("to_id"), JsonConverter(typeof(RawIdConverter))] string? ToId,
    [property: JsonPropertyName("to_name")] string? ToName,
    [property: JsonPropertyName("shop_id"), JsonConverter(typeof(RawIdConverter))] string? ShopId,
    [property: JsonPropertyName("latest_message_id"), JsonConverter(typeof(RawIdConverter))] string? LatestMessageId,
    [property: JsonPropertyName("latest_message_type")] string? LatestMessageType,
    [property: JsonPropertyName("latest_message_content")] JsonElement LatestMessageContent,
    [property: JsonPropertyName("latest_message_from_id"), JsonConverter(typeof(RawIdConverter))] string? LatestMessageFromId,
    [property: JsonPropertyName("last_message_timestamp")] long? LastMessageTimestamp);

internal sealed record ShopeeConversationPageResult(
    [property: JsonPropertyName("page_size")] int? PageSize,
    [property: JsonPropertyName("next_cursor")] ShopeeNextCursor? NextCursor,
    [property: JsonPropertyName("more")] bool? More);

internal sealed record ShopeeNextCursor(
    [property: JsonPropertyName("next_message_time_nano"), JsonConverter(typeof(RawIdConverter))] string? NextMessageTimeNano,
    [property: JsonPropertyName("conversation_id"), JsonConverter(typeof(RawIdConverter))] string? ConversationId);

internal sealed record ShopeeMessageList(
    [property: JsonPropertyName("messages")] IReadOnlyList<ShopeeMessage>? Messages,
    [property: JsonPropertyName("page_result")] ShopeeMessagePageResult? PageResult);

internal sealed record ShopeeMessage(
    [property: JsonPropertyName("message_id"), JsonConverter(typeof(RawIdConverter))] string? MessageId,
    [property: JsonPropertyName("message_type")] string? MessageType,
    [property: JsonPropertyName("from_id"), JsonConverter(typeof(RawIdConverter))] string? FromId,
    [property: JsonPropertyName("from_shop_id"), JsonConverter(typeof(RawIdConverter))] string? FromShopId,
    [property: JsonPropertyName("to_id"), JsonConverter(typeof(RawIdConverter))] string? ToId,
    [property: JsonPropertyName("conversation_id"), JsonConverter(typeof(RawIdConverter))] string? ConversationId,
    [property: JsonPropertyName("created_timestamp")] long? CreatedTimestamp,
    [property: JsonPropertyName("content")] JsonElement Content);

internal sealed record ShopeeMessagePageResult(
    [property: JsonPropertyName("next_offset"), JsonConverter(typeof(RawIdConverter))] string? NextOffset,
    [property: JsonPropertyName("has_more")] bool? HasMore);

internal sealed record ShopeeSendBody(
    [property: JsonPropertyName("to_id"), JsonConverter(typeof(NumericIdConverter))] string ToId,
    [property: JsonPropertyName("message_type")] string MessageType,
    [property: JsonPropertyName("content")] ShopeeText Content);

internal sealed record ShopeeText([property: JsonPropertyName("text")] string Text);

internal sealed record ShopeeSendResult(
    [property: JsonPropertyName("message_id"), JsonConverter(typeof(RawIdConverter))] string? MessageId,
    [property: JsonPropertyName("conversation_id"), JsonConverter(typeof(RawIdConverter))] string? ConversationId,
    [property: JsonPropertyName("created_timestamp")] long? CreatedTimestamp);

internal sealed record ShopeeRefreshBody(
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("partner_id"), JsonConverter(typeof(NumericIdConverter))] string PartnerId,
    [property: JsonPropertyName("shop_id"), JsonConverter(typeof(NumericIdConverter))] string ShopId);

/// <summary>The refresh answer is NOT wrapped in `response` (channel-apis.md §4.2).</summary>
internal sealed record ShopeeTokenResponse(
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expire_in")] long? ExpireIn);
