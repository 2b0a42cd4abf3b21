using Harasocial.Sync.Channels.Graph;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Channels.Facebook;

/// <summary>Messenger (Page) client: one Graph request per call (WIRE.md "Graph").</summary>
internal sealed class FacebookClient : IChannelClient
{
    private readonly GraphHttp _http;
    private readonly GraphInbox _inbox;

    public FacebookClient(IHttpClientFactory httpClientFactory, IOptions<FacebookOptions> options, TimeProvider timeProvider, ILogger<FacebookClient> logger)
    {
        _http = new GraphHttp(httpClientFactory, ChannelKind.Facebook, options.Value.GraphApiBaseUrl, logger);
        _inbox = new GraphInbox(_http, "messenger", timeProvider);
    }

    public ChannelKind Kind => ChannelKind.Facebook;

    public ChannelLimits Limits { get; } = new(2000, false, 25, 25);

    /// <summary>With a Page access token, `/me` is the Page: a user token or another Page's token names someone else.</summary>
    public async Task<ChannelIdentity> IdentifyAsync(ChannelAccount account, CancellationToken cancellationToken)
    {
        var me = await _http.GetAsync(account.AccessToken, "/me?fields=id,name", FacebookJsonContext.Default.FacebookMe, cancellationToken).ConfigureAwait(false);
        return new ChannelIdentity(me.Id, me.Name);
    }

    public Task<ConversationPage> ListConversationsAsync(ChannelAccount account, ConversationQuery query, CancellationToken cancellationToken) =>
        _inbox.ListConversationsAsync(account.ExternalId, new HashSet<string>(StringComparer.Ordinal) { account.ExternalId }, account.AccessToken, query, cancellationToken);

    public Task<MessagePage> ListMessagesAsync(ChannelAccount account, string conversationExternalId, string customerId, string? cursor, int pageSize, CancellationToken cancellationToken) =>
        _inbox.ListMessagesAsync(account.AccessToken, conversationExternalId, customerId, cursor, pageSize, cancellationToken);

    public Task<ChannelCustomer> GetCustomerAsync(ChannelAccount account, string customerId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Facebook customers come with the conversation participants.");

    public async Task<PostPage> ListPostsAsync(ChannelAccount account, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var path = $"/{GraphInbox.Escape(account.ExternalId)}/published_posts?fields=id,message,created_time,permalink_url&limit={GraphInbox.Format(Math.Clamp(pageSize, 1, 100))}" + GraphInbox.After(cursor);
        var list = await _http.GetAsync(account.AccessToken, path, FacebookJsonContext.Default.GraphListFacebookPost, cancellationToken).ConfigureAwait(false);
        return new PostPage((list.Data ?? []).Select(FacebookMapper.ToPost).ToList(), GraphMapper.NextCursor(list.Paging));
    }

    /// <summary>`filter=stream` returns replies too (https://developers.facebook.com/docs/graph-api/reference/object/comments/).</summary>
    public async Task<CommentPage> ListCommentsAsync(ChannelAccount account, string postExternalId, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var path = $"/{GraphInbox.Escape(postExternalId)}/comments?filter=stream&order=reverse_chronological&fields=id,message,created_time,from,parent&limit={GraphInbox.Format(Math.Clamp(pageSize, 1, 100))}" + GraphInbox.After(cursor);
        var list = await _http.GetAsync(account.AccessToken, path, FacebookJsonContext.Default.GraphListFacebookComment, cancellationToken).ConfigureAwait(false);
        return new CommentPage((list.Data ?? []).Select(c => FacebookMapper.ToComment(c, postExternalId)).ToList(), GraphMapper.NextCursor(list.Paging));
    }

    public Task<SentMessage> SendMessageAsync(ChannelAccount account, SendRequest request, CancellationToken cancellationToken) =>
        _inbox.SendAsync(account.ExternalId, account.AccessToken, request, cancellationToken);

    public Task<TokenPair> RefreshTokenAsync(ChannelAccount account, string refreshToken, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Page tokens are not refreshed; Graph 190 means re-authorise.");
}
