using Harasocial.Sync.Channels;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync;
using Harasocial.Sync.Sync.Steps;

namespace Harasocial.Sync.Inbox;

/// <summary>Why a reply was not sent: the HTTP status and a sentence for the seller.</summary>
internal sealed record ReplyRefusal(int Status, string Detail);

/// <summary>
/// Sends a seller's reply through the channel and stores it once. Reply windows are checked before any call
/// (Messenger/Instagram: 24 h with RESPONSE, then the HUMAN_AGENT tag up to 7 days; Zalo: 7 days of customer-care
/// window per channel-apis.md §3.6; Shopee: none). The stored message is keyed by the channel's message id, so the
/// echo webhook that follows — even one that arrives before the send call returns — finds it already there.
/// A reply to a spam-folder conversation moves it to the inbox and clears its notice.
/// </summary>
internal sealed class ReplyService(
    ConnectionStore connections, ConversationStore conversations, MessageStore messages, CounterStore counters, ChannelAccess access, TimeProvider time)
{
    private static readonly TimeSpan StandardWindow = TimeSpan.FromHours(24);
    private static readonly TimeSpan HumanAgentWindow = TimeSpan.FromDays(7);

    public async Task<(MessageEntity? Message, ReplyRefusal? Refusal)> SendAsync(ConnectionEntity connection, ConversationEntity conversation, string text, CancellationToken cancellationToken)
    {
        var channel = ChannelAccess.KindOf(connection);
        var client = access.Client(channel);
        if (!client.Limits.Allows(text))
        {
            var unit = client.Limits.TextLimitInUtf8Bytes ? "UTF-8 bytes" : "characters";
            return (null, new ReplyRefusal(422, $"{channel.ToWireName()} accepts at most {client.Limits.MaxTextLength} {unit} per message."));
        }

        if (connection.Status is ConnectionStatus.ReauthRequired or ConnectionStatus.Disconnected)
        {
            return (null, new ReplyRefusal(409, $"The connection is {connection.Status}; reconnect it to reply."));
        }

        var (humanAgent, refusal) = Window(channel, conversation.LastInboundAt);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        var request = new SendRequest(conversation.ThreadId ?? conversation.CustomerId, conversation.CustomerId, text, conversation.LastInboundMessageId, humanAgent);
        SentMessage sent;
        try
        {
            sent = await SendWithRefreshAsync(connection, client, request, cancellationToken);
        }
        catch (ChannelException ex) when (ex is { ChannelCode: "10" } && ex.Kind == ChannelErrorKind.Permanent)
        {
            return (null, new ReplyRefusal(422, "The channel says this conversation is outside its reply window: " + ex.ChannelMessage));
        }
        catch (ChannelException ex)
        {
            if (ex.Kind == ChannelErrorKind.AuthFailed)
            {
                await RequireReauthAsync(connection, ex, cancellationToken);
            }

            return (null, new ReplyRefusal(502, $"{channel.ToWireName()} refused the message ({ex.ChannelCode ?? "no code"}): {ex.ChannelMessage ?? ex.Message}"));
        }

        var message = new ChannelMessage(sent.ExternalId, MessageDirection.Out, text, [], sent.SentAt, connection.ExternalId);
        var saved = await messages.SaveAsync(connection.RowKey, conversation.CustomerId, [message], partitionIsNew: false, writer: null, cancellationToken);
        if (saved.Stored > 0)
        {
            // The connection's counts equal its stored rows: a reply is one more message (unless its echo stored it first).
            await counters.AddAsync(connection.RowKey, sent.ExternalId, 0, saved.Stored, cancellationToken);
        }

        await conversations.SaveAsync(connection.RowKey, [conversation.CustomerId], (old, _) =>
        {
            var row = (old ?? conversation).CopyAs(conversation.RowKey);
            row.ETag = old?.ETag ?? default;
            ConversationRows.MoveToInbox(row);
            ConversationRows.NotePreview(row, [message]);
            if (message.SentAt > row.LastMessageAt)
            {
                row.LastMessageAt = message.SentAt;
            }

            return row;
        }, cancellationToken);
        return (await messages.GetAsync(connection.RowKey, conversation.CustomerId, sent.ExternalId, cancellationToken), null);
    }

    private (bool HumanAgent, ReplyRefusal? Refusal) Window(ChannelKind channel, DateTimeOffset? lastInbound)
    {
        if (channel == ChannelKind.Shopee)
        {
            return (false, null);
        }

        var age = lastInbound is { } at ? time.GetUtcNow() - at : TimeSpan.MaxValue;
        return channel switch
        {
            ChannelKind.Facebook or ChannelKind.Instagram when age <= StandardWindow => (false, null),
            ChannelKind.Facebook or ChannelKind.Instagram when age <= HumanAgentWindow => (true, null),
            ChannelKind.Zalo when age <= HumanAgentWindow => (false, null),
            _ => (false, new ReplyRefusal(422, lastInbound is null
                ? "The customer has not written in this conversation, so the channel does not allow a reply."
                : $"The customer last wrote {lastInbound:u}; {channel.ToWireName()} allows replies for {(channel == ChannelKind.Zalo ? "7 days" : "24 hours, or 7 days with the human-agent tag")} after that.")),
        };
    }

    private async Task<SentMessage> SendWithRefreshAsync(ConnectionEntity connection, IChannelClient client, SendRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendMessageAsync(access.Account(connection), request, cancellationToken);
        }
        catch (ChannelException ex) when (ex.Kind == ChannelErrorKind.AuthFailed && ChannelAccess.CanRefresh(connection))
        {
            if (await access.RefreshAsync(connection, cancellationToken) is not { } fresh)
            {
                throw;
            }

            return await client.SendMessageAsync(access.Account(fresh), request, cancellationToken);
        }
    }

    private async Task RequireReauthAsync(ConnectionEntity connection, ChannelException error, CancellationToken cancellationToken) =>
        await connections.MutateAsync(connection.PartitionKey, connection.RowKey, c =>
        {
            c.Status = ConnectionStatus.ReauthRequired;
            c.StatusReason = $"{FailureReasons.DisplayName(error.Channel)} rejected the token while sending a reply. Reconnect the account.";
            return true;
        }, cancellationToken);
}
