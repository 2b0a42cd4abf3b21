namespace Harasocial.Functions.Channels;

/// <summary>Channel-neutral client. Every method makes exactly ONE HTTP request: no internal paging or retries
/// (see WIRE.md "Common"). Failures surface as <see cref="ChannelException"/>.</summary>
internal interface IChannelClient
{
    ChannelKind Kind { get; }

    ChannelLimits Limits { get; }

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
