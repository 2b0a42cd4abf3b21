using System.Text.Json;
using Harasocial.Sync.Channels.Graph;

namespace Harasocial.Sync.Channels.Facebook;

internal static class FacebookMapper
{
    public static ChannelPost ToPost(FacebookPost post) => new(
        post.Id ?? throw new FormatException("Post without an id."),
        post.Message,
        GraphTime.TryParse(post.CreatedTime, out var created) ? created : DateTimeOffset.UnixEpoch,
        post.PermalinkUrl,
        null);

    public static ChannelComment ToComment(FacebookComment comment, string postId) => new(
        comment.Id ?? throw new FormatException("Comment without an id."),
        postId,
        ParentOrNull(comment.Parent?.Id, postId),
        comment.Message,
        comment.From?.Id,
        comment.From?.DisplayName,
        GraphTime.TryParse(comment.CreatedTime, out var created) ? created : DateTimeOffset.UnixEpoch);

    /// <summary>`feed` change with item=comment (channel-apis.md §1.7, M22). Verbs add/edited/remove/hide; hide
    /// maps to Removed (hidden comments are not shown to the seller's customers). Other items/verbs → null.</summary>
    public static CommentEvent? ToCommentEvent(string pageId, DateTimeOffset entryTime, JsonElement value)
    {
        if (!string.Equals(MetaWebhook.String(value, "item"), "comment", StringComparison.Ordinal))
        {
            return null;
        }

        CommentVerb? verb = MetaWebhook.String(value, "verb") switch
        {
            "add" => CommentVerb.Added,
            "edited" or "edit" => CommentVerb.Edited,
            "remove" or "hide" => CommentVerb.Removed,
            _ => null,
        };
        var postId = MetaWebhook.String(value, "post_id");
        var commentId = MetaWebhook.String(value, "comment_id");
        if (verb is null || postId is null || commentId is null)
        {
            return null;
        }

        var at = ChannelTime.FromSecondsOrMillis(MetaWebhook.String(value, "created_time")) ?? entryTime;
        var from = MetaWebhook.Object(value, "from");
        var comment = verb == CommentVerb.Removed
            ? null
            : new ChannelComment(commentId, postId, ParentOrNull(MetaWebhook.String(value, "parent_id"), postId),
                MetaWebhook.String(value, "message"), MetaWebhook.String(from, "id"), MetaWebhook.String(from, "name"), at);
        return new CommentEvent(ChannelKind.Facebook, pageId, at, postId, commentId, verb.Value, comment);
    }

    // A top-level comment's parent is the post itself; only replies have a parent comment.
    private static string? ParentOrNull(string? parentId, string postId) =>
        parentId is null || string.Equals(parentId, postId, StringComparison.Ordinal) ? null : parentId;
}
