using System.Text.Json.Serialization;
using Harasocial.Sync.Channels.Graph;
using Harasocial.Sync.Channels.Json;

namespace Harasocial.Sync.Channels.Instagram;

// IG media and comments (channel-apis.md §2.4). Conversation/message DTOs are shared in Channels/Graph.

/// <summary>`GET /{page-id}?fields=id,name,instagram_business_account{id,username}`: the IG professional account
/// linked to the Page (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/page).</summary>
internal sealed record InstagramLinkedPage(
    [property: JsonPropertyName("id"), JsonConverter(typeof(RawIdConverter))] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("instagram_business_account")] InstagramBusinessAccount? InstagramBusinessAccount);

internal sealed record InstagramBusinessAccount(
    [property: JsonPropertyName("id"), JsonConverter(typeof(RawIdConverter))] string? Id,
    [property: JsonPropertyName("username")] string? Username);

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
