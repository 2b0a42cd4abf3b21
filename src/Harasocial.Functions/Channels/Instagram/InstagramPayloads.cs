using System.Text.Json.Serialization;
using Harasocial.Functions.Channels.Graph;

namespace Harasocial.Functions.Channels.Instagram;

// IG media and comments (channel-apis.md §2.4). Conversation/message DTOs are shared in Channels/Graph.

internal sealed record InstagramMedia(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("caption")] string? Caption,
    [property: JsonPropertyName("media_type")] string? MediaType,
    [property: JsonPropertyName("timestamp")] string? Timestamp,
    [property: JsonPropertyName("permalink")] string? Permalink,
    [property: JsonPropertyName("comments_count")] int? CommentsCount);

internal sealed record InstagramComment(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("timestamp")] string? Timestamp,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("from")] GraphParty? From,
    [property: JsonPropertyName("parent_id")] string? ParentId);
