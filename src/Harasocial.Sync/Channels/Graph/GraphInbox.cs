using System.Globalization;

namespace Harasocial.Sync.Channels.Graph;

/// <summary>Conversation listing, message paging and sending, shared by Messenger and Instagram (both use the
/// Page id and `platform=messenger|instagram`, WIRE.md "Graph"). One HTTP request per method.</summary>
internal sealed class GraphInbox(GraphHttp http, string platform, TimeProvider timeProvider)
{
    private const int MaxLimit = 100; // WIRE.md: limit and messages.limit max 100

    private const string MessageFields = "id,message,from,to,created_time,attachments";

    public async Task<ConversationPage> ListConversationsAsync(string pageId, IReadOnlySet<string> ownIds, string accessToken, ConversationQuery query, CancellationToken cancellationToken)
    {
        var inline = Math.Clamp(query.InlineMessages, 1, MaxLimit);
        var fields = $"id,updated_time,participants,messages.limit({Format(inline)}){{{MessageFields}}}";
        var path = $"/{Escape(pageId)}/conversations?platform={platform}"
            + (string.Equals(query.Folder, "inbox", StringComparison.Ordinal) || string.IsNullOrEmpty(query.Folder) ? "" : $"&folder={Escape(query.Folder)}")
            + $"&fields={Escape(fields)}&limit={Format(Math.Clamp(query.PageSize, 1, MaxLimit))}"
            + After(query.Cursor);
        var list = await http.GetAsync(accessToken, path, GraphJsonContext.Default.GraphListGraphConversation, cancellationToken).ConfigureAwait(false);
        var items = (list.Data ?? []).Select(c => GraphMapper.ToConversation(c, ownIds)).ToList();
        return new ConversationPage(items, GraphMapper.NextCursor(list.Paging));
    }

    public async Task<MessagePage> ListMessagesAsync(string accessToken, string conversationId, string customerId, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var path = $"/{Escape(conversationId)}/messages?fields={Escape(MessageFields)}&limit={Format(Math.Clamp(pageSize, 1, MaxLimit))}" + After(cursor);
        var list = await http.GetAsync(accessToken, path, GraphJsonContext.Default.GraphListGraphMessage, cancellationToken).ConfigureAwait(false);
        var items = (list.Data ?? []).Select(m => GraphMapper.ToMessage(m, customerId)).ToList();
        return new MessagePage(items, GraphMapper.NextCursor(list.Paging));
    }

    /// <summary>`RESPONSE` inside 24 h; `MESSAGE_TAG` + `HUMAN_AGENT` up to 7 days (channel-apis.md §1.6,
    /// https://developers.facebook.com/docs/messenger-platform/send-messages/message-tags/).</summary>
    public async Task<SentMessage> SendAsync(string pageId, string accessToken, SendRequest request, CancellationToken cancellationToken)
    {
        var body = new GraphSendBody(
            new GraphRecipient(request.RecipientId),
            request.UseHumanAgentTag ? "MESSAGE_TAG" : "RESPONSE",
            request.UseHumanAgentTag ? "HUMAN_AGENT" : null,
            new GraphSendText(request.Text));
        var result = await http.PostJsonAsync(accessToken, $"/{Escape(pageId)}/messages", body, GraphJsonContext.Default.GraphSendBody, GraphJsonContext.Default.GraphSendResult, cancellationToken).ConfigureAwait(false);
        var id = result.MessageId ?? throw new ChannelException(ChannelKindFor(platform), ChannelErrorKind.Permanent, null, "Send answer without message_id.");
        return new SentMessage(id, timeProvider.GetUtcNow());
    }

    internal static string After(string? cursor) => string.IsNullOrEmpty(cursor) ? "" : $"&after={Escape(cursor)}";

    internal static string Escape(string value) => Uri.EscapeDataString(value);

    internal static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static ChannelKind ChannelKindFor(string platform) =>
        platform == "instagram" ? ChannelKind.Instagram : ChannelKind.Facebook;
}
