using System.Globalization;

namespace Harasocial.Sync.Channels.Zalo;

/// <summary>Zalo OA client (WIRE.md "Zalo"): one request per call; `count` max 10.</summary>
internal sealed class ZaloClient(ZaloHttp http, TimeProvider timeProvider) : IChannelClient
{
    private const int MaxCount = 10; // WIRE.md: more → -210

    public ChannelKind Kind => ChannelKind.Zalo;

    public ChannelLimits Limits { get; } = new(2000, false, 10, 10);

    /// <summary>Zalo calls never name the OA (the token does), so this is the one call that says whose token it is.</summary>
    public async Task<ChannelIdentity> IdentifyAsync(ChannelAccount account, CancellationToken cancellationToken)
    {
        var oa = await http.GetAsync(account.AccessToken, "/v2.0/oa/getoa", ZaloJsonContext.Default.ZaloEnvelopeZaloOaInfo, cancellationToken).ConfigureAwait(false);
        return new ChannelIdentity(oa.OaId, oa.Name);
    }

    public async Task<ConversationPage> ListConversationsAsync(ChannelAccount account, ConversationQuery query, CancellationToken cancellationToken)
    {
        var offset = ZaloCursor.Decode(query.Cursor);
        var count = Math.Clamp(query.PageSize, 1, MaxCount);
        var rows = await http.GetAsync(account.AccessToken, "/v2.0/oa/listrecentchat", new ZaloPageQuery(offset, count),
            ZaloJsonContext.Default.ZaloPageQuery, ZaloJsonContext.Default.ZaloEnvelopeListZaloRow, cancellationToken).ConfigureAwait(false);
        return new ConversationPage(ZaloMapper.GroupByCustomer(rows, account.ExternalId, query.InlineMessages, offset), ZaloCursor.Next(offset, count, rows.Count));
    }

    public async Task<MessagePage> ListMessagesAsync(ChannelAccount account, string conversationExternalId, string customerId, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var offset = ZaloCursor.Decode(cursor);
        var count = Math.Clamp(pageSize, 1, MaxCount);
        var rows = await http.GetAsync(account.AccessToken, "/v2.0/oa/conversation", new ZaloConversationQuery(customerId, offset, count),
            ZaloJsonContext.Default.ZaloConversationQuery, ZaloJsonContext.Default.ZaloEnvelopeListZaloRow, cancellationToken).ConfigureAwait(false);
        var items = rows.Where(r => r.MessageId is not null).Select(r => ZaloMapper.ToMessage(r, account.ExternalId)).ToList();
        return new MessagePage(items, ZaloCursor.Next(offset, count, rows.Count));
    }

    public async Task<ChannelCustomer> GetCustomerAsync(ChannelAccount account, string customerId, CancellationToken cancellationToken)
    {
        var user = await http.GetAsync(account.AccessToken, "/v3.0/oa/user/detail", new ZaloUserQuery(customerId),
            ZaloJsonContext.Default.ZaloUserQuery, ZaloJsonContext.Default.ZaloEnvelopeZaloUserDetail, cancellationToken).ConfigureAwait(false);
        return new ChannelCustomer(user.UserId ?? customerId, user.DisplayName, user.UserIsFollower);
    }

    public Task<PostPage> ListPostsAsync(ChannelAccount account, string? cursor, int pageSize, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Zalo OA has no post/comment inbox (channel-apis.md §3.5).");

    public Task<CommentPage> ListCommentsAsync(ChannelAccount account, string postExternalId, string? cursor, int pageSize, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Zalo OA has no post/comment inbox (channel-apis.md §3.5).");

    /// <summary>`recipient.message_id` marks the send as a reply to that inbound message, which keeps it inside
    /// the free reply quota (channel-apis.md §3.6, Z6 [unverified field]).</summary>
    public async Task<SentMessage> SendMessageAsync(ChannelAccount account, SendRequest request, CancellationToken cancellationToken)
    {
        var body = new ZaloSendBody(new ZaloRecipient(request.ReplyToMessageId, request.RecipientId), new ZaloText(request.Text));
        var result = await http.PostJsonAsync(account.AccessToken, "/v3.0/oa/message/cs", body,
            ZaloJsonContext.Default.ZaloSendBody, ZaloJsonContext.Default.ZaloEnvelopeZaloSendResult, cancellationToken).ConfigureAwait(false);
        return new SentMessage(
            result.MessageId ?? throw new ChannelException(ChannelKind.Zalo, ChannelErrorKind.Permanent, "0", "Send answered without message_id."),
            timeProvider.GetUtcNow());
    }

    public async Task<TokenPair> RefreshTokenAsync(ChannelAccount account, string refreshToken, CancellationToken cancellationToken)
    {
        var token = await http.RefreshAsync(refreshToken, cancellationToken).ConfigureAwait(false);
        DateTimeOffset? expiresAt = long.TryParse(token.ExpiresIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? timeProvider.GetUtcNow().AddSeconds(seconds)
            : null;
        return new TokenPair(token.AccessToken!, token.RefreshToken, expiresAt);
    }
}
