using System.Text.Json.Serialization;
using Harasocial.Sync.Channels.Json;

namespace Harasocial.Sync.Channels.Zalo;

// Zalo webhook events (channel-apis.md §3.7): `timestamp` is a string of ms; follow/unfollow use follower + oa_id.

internal sealed record ZaloEvent(
    [property: JsonPropertyName("app_id"), JsonConverter(typeof(RawIdConverter))] string? AppId,
    [property: JsonPropertyName("event_name")] string? EventName,
    [property: JsonPropertyName("timestamp"), JsonConverter(typeof(RawIdConverter))] string? Timestamp,
    [property: JsonPropertyName("sender")] ZaloParty? Sender,
    [property: JsonPropertyName("recipient")] ZaloParty? Recipient,
    [property: JsonPropertyName("follower")] ZaloParty? Follower,
    [property: JsonPropertyName("oa_id"), JsonConverter(typeof(RawIdConverter))] string? OaId,
    [property: JsonPropertyName("message")] ZaloEventMessage? Message);

internal sealed record ZaloParty([property: JsonPropertyName("id"), JsonConverter(typeof(RawIdConverter))] string? Id);

internal sealed record ZaloEventMessage(
    [property: JsonPropertyName("msg_id"), JsonConverter(typeof(RawIdConverter))] string? MsgId,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("attachments")] IReadOnlyList<ZaloEventAttachment>? Attachments);

internal sealed record ZaloEventAttachment(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("payload")] ZaloEventAttachmentPayload? Payload);

internal sealed record ZaloEventAttachmentPayload(
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("thumbnail")] string? Thumbnail,
    [property: JsonPropertyName("name")] string? Name);

/// <summary>Only what the signature needs: app_id and timestamp come from the body (WIRE.md "Webhooks").</summary>
internal sealed record ZaloSignedFields(
    [property: JsonPropertyName("app_id"), JsonConverter(typeof(RawIdConverter))] string? AppId,
    [property: JsonPropertyName("timestamp"), JsonConverter(typeof(RawIdConverter))] string? Timestamp);
