namespace Harasocial.Sync.Channels;

/// <summary>Channel-neutral client. Every method makes exactly ONE HTTP request: no internal paging or retries
/// (see WIRE.md "Common"). Failures surface as <see cref="ChannelException"/>.</summary>
internal interface IChannelClient
{
    ChannelKind Kind { get; }

    ChannelLimits Limits { get; }

    /// <summary>
    /// Who the access token acts for, asked of the channel itself (ownership proof at connect): Facebook the Page
    /// (<c>GET /me</c>), Instagram the professional account linked to the Page (<c>GET /{linkedPageId}?fields=
    /// instagram_business_account</c>), Zalo the OA (<c>GET /v2.0/oa/getoa</c>), Shopee the shop (<c>get_shop_info</c>
    /// signed for <c>shop_id</c>, which only a token of that shop passes). <see cref="ChannelIdentity.AccountId"/> is
    /// null when the channel names no account (a Page without a linked Instagram account).
    /// </summary>
    Task<ChannelIdentity> IdentifyAsync(ChannelAccount account, CancellationToken cancellationToken);

    Task<ConversationPage> ListConversationsAsync(ChannelAccount account, ConversationQuery query, CancellationToken cancellationToken);

    Task<MessagePage> ListMessagesAsync(ChannelAccount account, string conversationExternalId, string customerId, string? cursor, int pageSize, CancellationToken cancellationToken);

    /// <summary>Zalo user/detail (follower flag); other channels throw <see cref="NotSupportedException"/>.</summary>
    Task<ChannelCustomer> GetCustomerAsync(ChannelAccount account, string customerId, CancellationToken cancellationToken);

    /// <summary>Facebook published_posts, Instagram media; Zalo/Shopee throw <see cref="NotSupportedException"/>.</summary>
    Task<PostPage> ListPostsAsync(ChannelAccount account, string? cursor, int pageSize, CancellationToken cancellationToken);

    Task<CommentPage> ListCommentsAsync(ChannelAccount account, string postExternalId, string? cursor, int pageSize, CancellationToken cancellationToken);

    Task<SentMessage> SendMessageAsync(ChannelAccount account, SendRequest request, CancellationToken cancellationToken);

    /// <summary>Zalo, Shopee (single-use refresh tokens); others throw <see cref="NotSupportedException"/>.
    /// Returns the new pair; the CALLER persists it before use.</summary>
    Task<TokenPair> RefreshTokenAsync(ChannelAccount account, string refreshToken, CancellationToken cancellationToken);
}
