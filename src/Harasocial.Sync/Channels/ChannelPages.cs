namespace Harasocial.Sync.Channels;

internal sealed record ConversationQuery(string? Cursor, int PageSize, int InlineMessages, string Folder = "inbox");

internal sealed record ConversationPage(IReadOnlyList<ChannelConversation> Items, string? NextCursor);

internal sealed record MessagePage(IReadOnlyList<ChannelMessage> Items, string? NextCursor);

internal sealed record PostPage(IReadOnlyList<ChannelPost> Items, string? NextCursor);

internal sealed record CommentPage(IReadOnlyList<ChannelComment> Items, string? NextCursor);

internal sealed record SendRequest(string ConversationExternalId, string RecipientId, string Text, string? ReplyToMessageId, bool UseHumanAgentTag);

internal sealed record SentMessage(string ExternalId, DateTimeOffset SentAt);

internal sealed record TokenPair(string AccessToken, string? RefreshToken, DateTimeOffset? ExpiresAt)
{
    public override string ToString() => $"TokenPair(expires {ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "never"})";
}

/// <summary>Per-channel limits: FB 2000 chars, IG 1000 UTF-8 bytes, Zalo 2000 chars, Shopee 1000 chars.</summary>
internal sealed record ChannelLimits(int MaxTextLength, bool TextLimitInUtf8Bytes, int ConversationPageSize, int MessagePageSize)
{
    public bool Allows(string text) =>
        (TextLimitInUtf8Bytes ? System.Text.Encoding.UTF8.GetByteCount(text) : text.Length) <= MaxTextLength;
}
