using System.Text.Json.Serialization;
using Harasocial.Sync.Channels.Json;

namespace Harasocial.Sync.Channels.Graph;

// Graph DTOs shared by Facebook and Instagram (WIRE.md "Graph"). They never leave the Channels/Graph,
// Channels/Facebook and Channels/Instagram folders.

internal sealed record GraphList<T>(
    [property: JsonPropertyName("data")] IReadOnlyList<T>? Data,
    [property: JsonPropertyName("paging")] GraphPaging? Paging);

internal sealed record GraphPaging(
    [property: JsonPropertyName("cursors")] GraphCursors? Cursors,
    [property: JsonPropertyName("next")] string? Next);

internal sealed record GraphCursors(
    [property: JsonPropertyName("before")] string? Before,
    [property: JsonPropertyName("after")] string? After);

internal sealed record GraphParty(
    [property: JsonPropertyName("id"), JsonConverter(typeof(RawIdConverter))] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("email")] string? Email)
{
    public string? DisplayName => Name ?? Username;
}

internal sealed record GraphConversation(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("updated_time")] string? UpdatedTime,
    [property: JsonPropertyName("participants")] GraphList<GraphParty>? Participants,
    [property: JsonPropertyName("messages")] GraphList<GraphMessage>? Messages);

internal sealed record GraphMessage(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("from")] GraphParty? From,
    [property: JsonPropertyName("to")] GraphList<GraphParty>? To,
    [property: JsonPropertyName("created_time")] string? CreatedTime,
    [property: JsonPropertyName("attachments")] GraphList<GraphAttachment>? Attachments);

internal sealed record GraphAttachment(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("mime_type")] string? MimeType,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("image_data")] GraphMediaData? ImageData,
    [property: JsonPropertyName("video_data")] GraphMediaData? VideoData,
    [property: JsonPropertyName("file_url")] string? FileUrl);

internal sealed record GraphMediaData(
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("preview_url")] string? PreviewUrl);

internal sealed record GraphErrorEnvelope([property: JsonPropertyName("error")] GraphErrorBody? Error);

internal sealed record GraphErrorBody(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("code"), JsonConverter(typeof(RawIdConverter))] string? Code,
    [property: JsonPropertyName("error_subcode"), JsonConverter(typeof(RawIdConverter))] string? Subcode,
    [property: JsonPropertyName("fbtrace_id")] string? TraceId);

internal sealed record GraphSendBody(
    [property: JsonPropertyName("recipient")] GraphRecipient Recipient,
    [property: JsonPropertyName("messaging_type")] string MessagingType,
    [property: JsonPropertyName("tag"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Tag,
    [property: JsonPropertyName("message")] GraphSendText Message);

internal sealed record GraphRecipient([property: JsonPropertyName("id")] string Id);

internal sealed record GraphSendText([property: JsonPropertyName("text")] string Text);

internal sealed record GraphSendResult(
    [property: JsonPropertyName("recipient_id"), JsonConverter(typeof(RawIdConverter))] string? RecipientId,
    [property: JsonPropertyName("message_id")] string? MessageId);

internal sealed record GraphUsageEntry(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("estimated_time_to_regain_access")] double? EstimatedTimeToRegainAccess);
