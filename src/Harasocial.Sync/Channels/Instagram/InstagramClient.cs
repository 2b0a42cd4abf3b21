using Harasocial.Sync.Channels.Facebook;
using Harasocial.Sync.Channels.Graph;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Channels.Instagram;

/// <summary>Instagram via the Messenger Platform flavour (Page token of the linked Page, channel-apis.md §2):
/// conversations and sends go to the LINKED PAGE id with `platform=instagram`; media and comments to the IG user id.</summary>
internal sealed class InstagramClient : IChannelClient
{
    private readonly GraphHttp _http;
    private readonly GraphInbox _inbox;

    public InstagramClient(IHttpClientFactory httpClientFactory, IOptions<FacebookOptions> options, TimeProvider timeProvider, ILogger<InstagramClient> logger)
    {
        _http = new GraphHttp(httpClientFactory, ChannelKind.Instagram, options.Value.GraphApiBaseUrl, logger);
        _inbox = new GraphInbox(_http, "instagram", timeProvider);
    }

    public ChannelKind Kind => ChannelKind.Instagram;

    /// <summary>1000 UTF-8 bytes (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/messaging-api).</summary>
    public ChannelLimits Limits { get; } = new(1000, true, 25, 25);

    /// <summary>The Page token reads its Page's linked IG account; a token without a role on that Page gets a Graph
    /// error (100/10/200), and a Page without a linked account answers no `instagram_business_account`.</summary>
    public async Task<ChannelIdentity> IdentifyAsync(ChannelAccount account, CancellationToken cancellationToken)
    {
        var path = $"/{GraphInbox.Escape(PageId(account))}?fields={GraphInbox.Escape("id,name,instagram_business_account{id,username}")}";
        var page = await _http.GetAsync(account.AccessToken, path, InstagramJsonContext.Default.InstagramLinkedPage, cancellationToken).ConfigureAwait(false);
        return new ChannelIdentity(page.InstagramBusinessAccount?.Id, page.InstagramBusinessAccount?.Username ?? page.Name);
    }

    public Task<ConversationPage> ListConversationsAsync(ChannelAccount account, ConversationQuery query, CancellationToken cancellationToken)
    {
        // Instagram exposes no inbox folders (channel-apis.md §1.9/§2.2); the simulator answers error 100 to a
        // folder, so a non-inbox folder is passed through and surfaces as a Permanent error.
        var ownIds = new HashSet<string>(StringComparer.Ordinal) { account.ExternalId };
        if (account.LinkedPageId is { } page)
        {
            ownIds.Add(page);
        }

        return _inbox.ListConversationsAsync(PageId(account), ownIds, account.AccessToken, query, cancellationToken);
    }

    public Task<MessagePage> ListMessagesAsync(ChannelAccount account, string conversationExternalId, string customerId, string? cursor, int pageSize, CancellationToken cancellationToken) =>
        _inbox.ListMessagesAsync(account.AccessToken, conversationExternalId, customerId, cursor, pageSize, cancellationToken);

    public Task<ChannelCustomer> GetCustomerAsync(ChannelAccount account, string customerId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Instagram customers come with the conversation participants.");

    public async Task<PostPage> ListPostsAsync(ChannelAccount account, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var path = $"/{GraphInbox.Escape(account.ExternalId)}/media?fields=id,caption,media_type,timestamp,permalink,comments_count&limit={GraphInbox.Format(Math.Clamp(pageSize, 1, 100))}" + GraphInbox.After(cursor);
        var list = await _http.GetAsync(account.AccessToken, path, InstagramJsonContext.Default.GraphListInstagramMedia, cancellationToken).ConfigureAwait(false);
        return new PostPage((list.Data ?? []).Select(InstagramMapper.ToPost).ToList(), GraphMapper.NextCursor(list.Paging));
    }

    public async Task<CommentPage> ListCommentsAsync(ChannelAccount account, string postExternalId, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var path = $"/{GraphInbox.Escape(postExternalId)}/comments?fields=id,text,timestamp,username,from,parent_id&limit={GraphInbox.Format(Math.Clamp(pageSize, 1, 100))}" + GraphInbox.After(cursor);
        var list = await _http.GetAsync(account.AccessToken, path, InstagramJsonContext.Default.GraphListInstagramComment, cancellationToken).ConfigureAwait(false);
        return new CommentPage((list.Data ?? []).Select(c => InstagramMapper.ToComment(c, postExternalId)).ToList(), GraphMapper.NextCursor(list.Paging));
    }

    public Task<SentMessage> SendMessageAsync(ChannelAccount account, SendRequest request, CancellationToken cancellationToken) =>
        _inbox.SendAsync(PageId(account), account.AccessToken, request, cancellationToken);

    public Task<TokenPair> RefreshTokenAsync(ChannelAccount account, string refreshToken, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Instagram uses the linked Page token; Graph 190 means re-authorise.");

    private static string PageId(ChannelAccount account) => account.LinkedPageId ?? account.ExternalId;
}
