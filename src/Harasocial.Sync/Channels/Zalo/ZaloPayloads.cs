using System.Text.Json.Serialization;
using Harasocial.Sync.Channels.Json;

namespace Harasocial.Sync.Channels.Zalo;

// Zalo OA OpenAPI shapes (WIRE.md "Zalo"; channel-apis.md §3). Ids can exceed 2^53: always RawIdConverter.

internal sealed record ZaloEnvelope<T>(
    [property: JsonPropertyName("error")] int? Error,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("data")] T? Data);

internal sealed record ZaloRow(
    [property: JsonPropertyName("src")] int? Src,
    [property: JsonPropertyName("time")] long? Time,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("message_id"), JsonConverter(typeof(RawIdConverter))] string? MessageId,
    [property: JsonPropertyName("from_id"), JsonConverter(typeof(RawIdConverter))] string? FromId,
    [property: JsonPropertyName("from_display_name")] string? FromDisplayName,
    [property: JsonPropertyName("to_id"), JsonConverter(typeof(RawIdConverter))] string? ToId,
    [property: JsonPropertyName("to_display_name")] string? ToDisplayName,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("thumb")] string? Thumb);

internal sealed record ZaloUserDetail(
    [property: JsonPropertyName("user_id"), JsonConverter(typeof(RawIdConverter))] string? UserId,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("user_is_follower")] bool? UserIsFollower);

/// <summary>`GET /v2.0/oa/getoa`: the OA the token belongs to (channel-apis.md §3.1 lists `getoa` among the v2.0 reads;
/// shape as community clients read it: `data.oa_id`, `data.name`).</summary>
internal sealed record ZaloOaInfo(
    [property: JsonPropertyName("oa_id"), JsonConverter(typeof(RawIdConverter))] string? OaId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("avatar")] string? Avatar);

internal sealed record ZaloPageQuery(
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("count")] int Count);

/// <summary>user_id is written as a JSON STRING: it exceeds 2^53 (channel-apis.md §3.4).</summary>
internal sealed record ZaloConversationQuery(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("count")] int Count);

internal sealed record ZaloUserQuery([property: JsonPropertyName("user_id")] string UserId);

internal sealed record ZaloSendBody(
    [property: JsonPropertyName("recipient")] ZaloRecipient Recipient,
    [property: JsonPropertyName("message")] ZaloText Message);

internal sealed record ZaloRecipient(
    [property: JsonPropertyName("message_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MessageId,
    [property: JsonPropertyName("user_id")] string UserId);

internal sealed record ZaloText([property: JsonPropertyName("text")] string Text);

internal sealed record ZaloSendResult(
    [property: JsonPropertyName("message_id"), JsonConverter(typeof(RawIdConverter))] string? MessageId,
    [property: JsonPropertyName("user_id"), JsonConverter(typeof(RawIdConverter))] string? UserId);

/// <summary>`expires_in` is a STRING ("90000") per WIRE.md; RawIdConverter also accepts a number.</summary>
internal sealed record ZaloTokenResponse(
    [property: JsonPropertyName("error")] int? Error,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in"), JsonConverter(typeof(RawIdConverter))] string? ExpiresIn);
