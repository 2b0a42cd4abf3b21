namespace Harasocial.Sync.Channels;

/// <summary>One connected channel account. Instagram: ExternalId = IG user id, LinkedPageId = the Page id
/// used for /conversations and /messages. Shopee: ExternalId = shop id. Zalo: ExternalId = OA id.</summary>
internal sealed record ChannelAccount(ChannelKind Kind, string ExternalId, string AccessToken, string? LinkedPageId = null)
{
    // Keep the token out of ToString() so an accidental log of the record never leaks it.
    public override string ToString() => $"{Kind.ToWireName()}:{ExternalId}";
}

/// <summary>The account a token acts for, as the channel names it, and its display name there.</summary>
internal sealed record ChannelIdentity(string? AccountId, string? Name);

internal sealed record ChannelCustomer(string Id, string? Name, bool? IsFollower = null);

internal enum MessageDirection { In, Out }

internal sealed record ChannelAttachment(string Type, string? Url, string? Name = null);

internal sealed record ChannelMessage(
    string ExternalId,
    MessageDirection Direction,
    string? Text,
    IReadOnlyList<ChannelAttachment> Attachments,
    DateTimeOffset SentAt,
    string? SenderId,
    bool DetailsUnavailable = false);

/// <param name="ExternalId">The platform's thread id.</param>
/// <param name="Customer">Customer.Id is our conversation key.</param>
/// <param name="LastActivityAt">Time of the newest message.</param>
/// <param name="Messages">Inline messages, newest first, possibly partial.</param>
/// <param name="MessagesCursor">Continue with ListMessagesAsync; null when the inline page was the last.</param>
/// <param name="ResumeCursor">Lists on from just after this conversation's first row on its page (Zalo: that offset + 1),
/// so a walk that stops here resumes exactly here; null where a listing cannot resume mid-page.</param>
internal sealed record ChannelConversation(
    string ExternalId,
    ChannelCustomer Customer,
    DateTimeOffset LastActivityAt,
    IReadOnlyList<ChannelMessage> Messages,
    string? MessagesCursor,
    string? ResumeCursor = null);

internal sealed record ChannelPost(string ExternalId, string? Text, DateTimeOffset CreatedAt, string? Permalink, int? CommentCount);

internal sealed record ChannelComment(
    string ExternalId,
    string PostExternalId,
    string? ParentExternalId,
    string? Text,
    string? AuthorId,
    string? AuthorName,
    DateTimeOffset CreatedAt);
