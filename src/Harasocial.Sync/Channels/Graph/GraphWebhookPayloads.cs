using System.Text.Json;
using System.Text.Json.Serialization;
using Harasocial.Sync.Channels.Json;

namespace Harasocial.Sync.Channels.Graph;

// Meta webhook envelope (channel-apis.md §1.7 and §2.6): {"object","entry":[{"id","time","messaging"|"standby"|"changes"}]}.

internal sealed record MetaWebhookBody(
    [property: JsonPropertyName("object")] string? Object,
    [property: JsonPropertyName("entry")] IReadOnlyList<MetaEntry>? Entry);

internal sealed record MetaEntry(
    [property: JsonPropertyName("id"), JsonConverter(typeof(RawIdConverter))] string? Id,
    [property: JsonPropertyName("time")] long? Time,
    [property: JsonPropertyName("messaging")] IReadOnlyList<MetaMessaging>? Messaging,
    [property: JsonPropertyName("standby")] IReadOnlyList<MetaMessaging>? Standby,
    [property: JsonPropertyName("changes")] IReadOnlyList<MetaChange>? Changes);

internal sealed record MetaMessaging(
    [property: JsonPropertyName("sender")] GraphParty? Sender,
    [property: JsonPropertyName("recipient")] GraphParty? Recipient,
    [property: JsonPropertyName("timestamp")] long? Timestamp,
    [property: JsonPropertyName("message")] MetaMessage? Message);

internal sealed record MetaMessage(
    [property: JsonPropertyName("mid")] string? Mid,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("is_echo")] bool? IsEcho,
    [property: JsonPropertyName("app_id"), JsonConverter(typeof(RawIdConverter))] string? AppId,
    [property: JsonPropertyName("attachments")] IReadOnlyList<MetaAttachment>? Attachments);

internal sealed record MetaAttachment(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("payload")] MetaAttachmentPayload? Payload);

internal sealed record MetaAttachmentPayload([property: JsonPropertyName("url")] string? Url);

/// <summary>`value` is kept as a JsonElement: its shape depends on `field` (feed vs comments).</summary>
internal sealed record MetaChange(
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("value")] JsonElement Value);
