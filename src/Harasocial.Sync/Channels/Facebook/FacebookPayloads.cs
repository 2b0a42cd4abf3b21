using System.Text.Json.Serialization;
using Harasocial.Sync.Channels.Graph;
using Harasocial.Sync.Channels.Json;

namespace Harasocial.Sync.Channels.Facebook;

// Page posts and comments (channel-apis.md §1.5). Conversation/message DTOs are shared in Channels/Graph.

/// <summary>`GET /me?fields=id,name` with a Page token: the Page itself
/// (https://developers.facebook.com/docs/pages/access-tokens/).</summary>
internal sealed record FacebookMe(
    [property: JsonPropertyName("id"), JsonConverter(typeof(RawIdConverter))] string? Id,
    [property: JsonPropertyName("name")] string? Name);

internal sealed record FacebookPost(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("created_time")] string? CreatedTime,
    [property: JsonPropertyName("permalink_url")] string? PermalinkUrl);

internal sealed record FacebookComment(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("created_time")] string? CreatedTime,
    [property: JsonPropertyName("from")] GraphParty? From,
    [property: JsonPropertyName("parent")] FacebookParent? Parent);

internal sealed record FacebookParent([property: JsonPropertyName("id")] string? Id);
