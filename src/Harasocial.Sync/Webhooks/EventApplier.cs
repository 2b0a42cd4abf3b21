using Harasocial.Sync.Channels;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync;
using Harasocial.Sync.Sync.Steps;
using Harasocial.Sync.Sync.Jobs;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Webhooks;

/// <summary>
/// Applies one channel event to the inbox. Messages are keyed by the channel's message id (a duplicate or an echo of
/// our own reply finds it stored), and a conversation's last activity only moves forward, so late events never
/// regress it. Events apply only to a connection that is receiving (syncing or active) and holds exactly this account:
/// events for accounts nobody connected, and for connections that are disconnected or wait for re-authorisation
/// (the owner has not proven the account again), are dropped.
/// </summary>
internal sealed partial class EventApplier(
    ConnectionStore connections,
    CounterStore counters,
    ConversationStore conversations,
    MessageStore messages,
    PostStore posts,
    SyncJobs jobs,
    SpamChecks spam,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<EventApplier> log)
{
    public async Task ApplyAsync(DurableTaskClient durable, ChannelEvent channelEvent, CancellationToken cancellationToken)
    {
        var account = await connections.FindAccountAsync(channelEvent.Channel, channelEvent.AccountId, cancellationToken);
        var connection = account is null ? null : await connections.GetAsync(account.TenantId, account.ConnectionId, cancellationToken);
        if (connection is null || !ConnectionStatus.ReceivesEvents(connection.Status)
            || !string.Equals(connection.ExternalId, channelEvent.AccountId, StringComparison.Ordinal)
            || !string.Equals(connection.Channel, channelEvent.Channel.ToWireName(), StringComparison.Ordinal))
        {
            LogUnknownAccount(log, channelEvent.Channel, channelEvent.AccountId);
            return;
        }

        switch (channelEvent)
        {
            case MessageEvent message:
                await ApplyMessageAsync(durable, connection, message, cancellationToken);
                break;
            case CommentEvent comment:
                await ApplyCommentAsync(connection, comment, cancellationToken);
                break;
            case FollowEvent follow:
                await conversations.SaveAsync(connection.RowKey, [follow.CustomerId], (old, _) => FollowerChanged(old, follow), cancellationToken, onlyExisting: true);
                break;
            case ConversationHintEvent:
                // Shopee "notification" pushes carry no message: a resync picks up what changed (409-style no-op if one runs).
                await jobs.StartAsync(durable, connection, JobKinds.Resync, cancellationToken);
                break;
        }
    }

    private async Task ApplyMessageAsync(DurableTaskClient durable, ConnectionEntity connection, MessageEvent e, CancellationToken cancellationToken)
    {
        if (e.Channel == ChannelKind.Zalo && !e.IsEcho && await conversations.GetAsync(connection.RowKey, e.CustomerId, cancellationToken) is null)
        {
            // A customer beyond the imported ones: bring in their history (≤100 messages, ≤6 months old). Started
            // before the conversation exists, so a crash in between repeats it (harmless) instead of losing it.
            await jobs.StartAsync(durable, connection, JobKinds.Backfill, cancellationToken, backfill: (e.CustomerId, e.ConversationExternalId));
        }

        var created = await conversations.SaveAsync(connection.RowKey, [e.CustomerId], (old, _) =>
        {
            var row = old?.CopyAs(old.RowKey) ?? new ConversationEntity
            {
                Folder = "inbox",
                Status = "open",
                CreatedAt = time.GetUtcNow(),
                LastMessageAt = e.Message.SentAt,
            };
            row.ETag = old?.ETag ?? default;
            row.CustomerName ??= e.CustomerName;
            row.ThreadId ??= e.ConversationExternalId;
            if (e.Message.SentAt > row.LastMessageAt)
            {
                row.LastMessageAt = e.Message.SentAt;
            }

            ConversationRows.NoteInbound(row, [e.Message]);
            if (e.IsEcho || e.Message.Direction == MessageDirection.Out)
            {
                // The seller answered, here or on the channel itself (the echo): the buyer leaves Spam (SPEC §2).
                ConversationRows.MoveToInbox(row);
            }

            return row;
        }, cancellationToken);

        // Counted only by the write that created the row: concurrent deliveries of one event, or first messages of one
        // new customer, race for the inserts and exactly one of them wins each.
        var saved = await messages.SaveAsync(connection.RowKey, e.CustomerId, [e.Message], partitionIsNew: false, writer: null, cancellationToken);
        if (saved.Stored > 0 || created.Count > 0)
        {
            await counters.AddAsync(connection.RowKey, e.Message.ExternalId, created.Count, saved.Stored, cancellationToken);
        }

        if (!e.IsEcho && e.Message.Direction == MessageDirection.In && SpamChecks.Applies(connection))
        {
            // +1 s: Graph reports whole seconds, so a spam message written with this one may look a second older.
            await spam.ScheduleAsync(durable, connection, time.GetUtcNow() + options.Value.SpamDelay + TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>Comments are counted like messages: by the write that added (or removed) the row.</summary>
    private async Task ApplyCommentAsync(ConnectionEntity connection, CommentEvent e, CancellationToken cancellationToken)
    {
        var change = e.Verb == CommentVerb.Removed || e.Comment is null
            ? -await posts.DeleteCommentAsync(connection.RowKey, e.PostExternalId, e.CommentExternalId, cancellationToken)
            : e.Verb == CommentVerb.Added
                ? await posts.AddCommentIfAbsentAsync(connection.RowKey, e.Comment, cancellationToken) ? 1 : 0
                : await posts.SaveCommentAsync(connection.RowKey, e.Comment, cancellationToken);
        if (change != 0)
        {
            var operation = $"comment{(change > 0 ? '+' : '-')}:{e.PostExternalId}:{e.CommentExternalId}";
            await counters.AddAsync(connection.RowKey, operation, new WebhookCounts(0, 0, Comments: change), cancellationToken);
        }
    }

    private static ConversationEntity FollowerChanged(ConversationEntity? old, FollowEvent e)
    {
        var row = old!.CopyAs(old.RowKey);
        row.ETag = old.ETag;
        row.IsFollower = e.IsFollower;
        return row;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped a {Channel} event for account {AccountId}: no active connection holds it")]
    private static partial void LogUnknownAccount(ILogger logger, ChannelKind channel, string accountId);
}
