using System.Text.Json;
using Harasocial.Sync.Channels.Graph;

namespace Harasocial.Sync.Channels.Instagram;

internal static class InstagramMapper
{
    public static ChannelPost ToPost(InstagramMedia media) => new(
        media.Id ?? throw new FormatException("Media without an id."),
        media.Caption,
        GraphTime.TryParse(media.Timestamp, out var created) ? created : DateTimeOffset.UnixEpoch,
        media.Permalink,
        media.CommentsCount);

    public static ChannelComment ToComment(InstagramComment comment, string mediaId) => new(
        comment.Id ?? throw new FormatException("Comment without an id."),
        mediaId,
        comment.ParentId,
        comment.Text,
        comment.From?.Id,
        comment.From?.Username ?? comment.Username,
        GraphTime.TryParse(comment.Timestamp, out var created) ? created : DateTimeOffset.UnixEpoch);

    /// <summary>`comments` change: {id, text, from{id,username}, media{id}, parent_id?}
    /// (https://developers.facebook.com/docs/instagram-platform/webhooks, channel-apis.md §2.6). IG comment
    /// webhooks carry no verb: every one is an addition.</summary>
    public static CommentEvent? ToCommentEvent(string igUserId, DateTimeOffset entryTime, JsonElement value)
    {
        var commentId = MetaWebhook.String(value, "id");
        var mediaId = MetaWebhook.String(MetaWebhook.Object(value, "media"), "id");
        if (commentId is null || mediaId is null)
        {
            return null;
        }

        var from = MetaWebhook.Object(value, "from");
        var comment = new ChannelComment(commentId, mediaId, MetaWebhook.String(value, "parent_id"), MetaWebhook.String(value, "text"),
            MetaWebhook.String(from, "id"), MetaWebhook.String(from, "username"), entryTime);
        return new CommentEvent(ChannelKind.Instagram, igUserId, entryTime, mediaId, commentId, CommentVerb.Added, comment);
    }
}
