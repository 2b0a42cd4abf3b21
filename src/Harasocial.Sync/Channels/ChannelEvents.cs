namespace Harasocial.Sync.Channels;

internal abstract record ChannelEvent(ChannelKind Channel, string AccountId, DateTimeOffset OccurredAt);

/// <summary>A message seen by a webhook. Echoes (sent by the account elsewhere or by us) have Direction Out,
/// IsEcho true and CustomerId = the recipient.</summary>
internal sealed record MessageEvent(
    ChannelKind Channel,
    string AccountId,
    DateTimeOffset OccurredAt,
    string CustomerId,
    string? CustomerName,
    string? ConversationExternalId,
    ChannelMessage Message,
    bool IsEcho,
    string? AppId) : ChannelEvent(Channel, AccountId, OccurredAt);

internal enum CommentVerb { Added, Edited, Removed }

internal sealed record CommentEvent(
    ChannelKind Channel,
    string AccountId,
    DateTimeOffset OccurredAt,
    string PostExternalId,
    string CommentExternalId,
    CommentVerb Verb,
    ChannelComment? Comment) : ChannelEvent(Channel, AccountId, OccurredAt);

internal sealed record FollowEvent(
    ChannelKind Channel,
    string AccountId,
    DateTimeOffset OccurredAt,
    string CustomerId,
    bool IsFollower) : ChannelEvent(Channel, AccountId, OccurredAt);

/// <summary>"Go resync": the push told us something changed without carrying the data (Shopee notification).</summary>
internal sealed record ConversationHintEvent(
    ChannelKind Channel,
    string AccountId,
    DateTimeOffset OccurredAt,
    string? ConversationExternalId,
    string? CustomerId) : ChannelEvent(Channel, AccountId, OccurredAt);
