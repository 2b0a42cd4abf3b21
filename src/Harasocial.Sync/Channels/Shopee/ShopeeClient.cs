using System.Globalization;

namespace Harasocial.Sync.Channels.Shopee;

/// <summary>Shopee seller chat client (WIRE.md "Shopee"): one signed request per call; page_size max 25.</summary>
internal sealed class ShopeeClient(ShopeeHttp http, TimeProvider timeProvider) : IChannelClient
{
    private const int MaxPageSize = 25; // more → empty list on some shops (channel-apis.md §4.3 [conflict])

    public ChannelKind Kind => ChannelKind.Shopee;

    public ChannelLimits Limits { get; } = new(1000, false, 25, 25);

    /// <summary>The sign covers `shop_id` and Shopee checks the token against it: only a token of that shop gets an
    /// answer (another shop's token is `invalid_access_token`), so success is the proof and names the shop.</summary>
    public async Task<ChannelIdentity> IdentifyAsync(ChannelAccount account, CancellationToken cancellationToken)
    {
        var info = await http.ShopInfoAsync(account, cancellationToken).ConfigureAwait(false);
        return new ChannelIdentity(account.ExternalId, info.ShopName);
    }

    /// <summary>Always `direction=older`: measured to return the NEWEST first without a timestamp
    /// (channel-apis.md §4.3 [conflict], community S6).</summary>
    public async Task<ConversationPage> ListConversationsAsync(ChannelAccount account, ConversationQuery query, CancellationToken cancellationToken)
    {
        var cursor = ShopeeCursor.Decode(query.Cursor);
        var q = $"direction=older&type=all&page_size={Format(Math.Clamp(query.PageSize, 1, MaxPageSize))}"
            + (cursor is null ? "" : $"&next_timestamp_nano={Format(cursor.Nano)}");
        var list = await http.ShopGetAsync(account, "/api/v2/sellerchat/get_conversation_list", q, ShopeeJsonContext.Default.ShopeeEnvelopeShopeeConversationList, cancellationToken).ConfigureAwait(false);
        var (items, next) = ShopeeCursor.Page(cursor, list);
        return new ConversationPage(items.Select(c => ShopeeMapper.ToConversation(c, query.InlineMessages)).ToList(), next);
    }

    public async Task<MessagePage> ListMessagesAsync(ChannelAccount account, string conversationExternalId, string customerId, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var q = $"conversation_id={ShopeeHttp.Escape(conversationExternalId)}&page_size={Format(Math.Clamp(pageSize, 1, MaxPageSize))}"
            + (string.IsNullOrEmpty(cursor) || cursor == ShopeeCursor.MessagesStart ? "" : $"&offset={ShopeeHttp.Escape(cursor)}");
        var list = await http.ShopGetAsync(account, "/api/v2/sellerchat/get_message", q, ShopeeJsonContext.Default.ShopeeEnvelopeShopeeMessageList, cancellationToken).ConfigureAwait(false);
        var items = (list.Messages ?? []).Where(m => m.MessageId is not null).Select(m => ShopeeMapper.ToMessage(m, customerId)).ToList();
        var next = list.PageResult?.NextOffset;
        // Stop when next_offset is empty (WIRE.md); also when the shop says has_more=false or sends nothing.
        return new MessagePage(items, string.IsNullOrEmpty(next) || list.PageResult?.HasMore == false || items.Count == 0 ? null : next);
    }

    public Task<ChannelCustomer> GetCustomerAsync(ChannelAccount account, string customerId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Shopee buyers come with the conversation list.");

    public Task<PostPage> ListPostsAsync(ChannelAccount account, string? cursor, int pageSize, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Shopee seller chat has no posts (channel-apis.md §4.5).");

    public Task<CommentPage> ListCommentsAsync(ChannelAccount account, string postExternalId, string? cursor, int pageSize, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Shopee seller chat has no comments (channel-apis.md §4.5).");

    public async Task<SentMessage> SendMessageAsync(ChannelAccount account, SendRequest request, CancellationToken cancellationToken)
    {
        var body = new ShopeeSendBody(request.RecipientId, "text", new ShopeeText(request.Text));
        var result = await http.ShopPostAsync(account, "/api/v2/sellerchat/send_message", body, ShopeeJsonContext.Default.ShopeeSendBody, ShopeeJsonContext.Default.ShopeeEnvelopeShopeeSendResult, cancellationToken).ConfigureAwait(false);
        return new SentMessage(
            result.MessageId ?? throw new ChannelException(ChannelKind.Shopee, ChannelErrorKind.Permanent, null, "Send answered without message_id."),
            result.CreatedTimestamp is { } ts ? ChannelTime.FromSecondsOrMillis(ts) : timeProvider.GetUtcNow());
    }

    public async Task<TokenPair> RefreshTokenAsync(ChannelAccount account, string refreshToken, CancellationToken cancellationToken)
    {
        var token = await http.RefreshAsync(account.ExternalId, refreshToken, cancellationToken).ConfigureAwait(false);
        return new TokenPair(token.AccessToken!, token.RefreshToken, token.ExpireIn is { } s ? timeProvider.GetUtcNow().AddSeconds(s) : null);
    }

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
