using Harasocial.Sync.Channels;

namespace Harasocial.Sync.Sync;

/// <summary>Counts every call a step makes (each client method is exactly one HTTP request), failed ones included.</summary>
internal sealed class CountingChannelClient(IChannelClient inner) : IChannelClient
{
    private int calls;

    public int Calls => calls;

    public ChannelKind Kind => inner.Kind;

    public ChannelLimits Limits => inner.Limits;

    public Task<ChannelIdentity> IdentifyAsync(ChannelAccount account, CancellationToken cancellationToken) =>
        Count(() => inner.IdentifyAsync(account, cancellationToken));

    public Task<ConversationPage> ListConversationsAsync(ChannelAccount account, ConversationQuery query, CancellationToken cancellationToken) =>
        Count(() => inner.ListConversationsAsync(account, query, cancellationToken));

    public Task<MessagePage> ListMessagesAsync(ChannelAccount account, string conversationExternalId, string customerId, string? cursor, int pageSize, CancellationToken cancellationToken) =>
        Count(() => inner.ListMessagesAsync(account, conversationExternalId, customerId, cursor, pageSize, cancellationToken));

    public Task<ChannelCustomer> GetCustomerAsync(ChannelAccount account, string customerId, CancellationToken cancellationToken) =>
        Count(() => inner.GetCustomerAsync(account, customerId, cancellationToken));

    public Task<PostPage> ListPostsAsync(ChannelAccount account, string? cursor, int pageSize, CancellationToken cancellationToken) =>
        Count(() => inner.ListPostsAsync(account, cursor, pageSize, cancellationToken));

    public Task<CommentPage> ListCommentsAsync(ChannelAccount account, string postExternalId, string? cursor, int pageSize, CancellationToken cancellationToken) =>
        Count(() => inner.ListCommentsAsync(account, postExternalId, cursor, pageSize, cancellationToken));

    public Task<SentMessage> SendMessageAsync(ChannelAccount account, SendRequest request, CancellationToken cancellationToken) =>
        Count(() => inner.SendMessageAsync(account, request, cancellationToken));

    public Task<TokenPair> RefreshTokenAsync(ChannelAccount account, string refreshToken, CancellationToken cancellationToken) =>
        Count(() => inner.RefreshTokenAsync(account, refreshToken, cancellationToken));

    private Task<T> Count<T>(Func<Task<T>> call)
    {
        Interlocked.Increment(ref calls);
        return call();
    }
}
