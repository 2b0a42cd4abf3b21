namespace Harasocial.ChannelSimulator;

/// <summary>A Facebook post or Instagram media item with its comments (newest first).</summary>
internal sealed record SimPost(string Id, string Message, DateTimeOffset CreatedAt, string Permalink, string MediaType)
{
    public List<SimComment> Comments { get; } = [];
}

internal sealed record SimComment(
    string Id, string Text, DateTimeOffset CreatedAt, string FromId, string FromName, string? ParentId);
