using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Harasocial.Sync.Channels;

namespace Harasocial.Sync.Storage;

/// <summary>Messages per conversation, newest first, written once per channel message id.</summary>
internal sealed class MessageStore(TableServiceClient tables, StorageNames names)
{
    public const string ListingPrefix = "t|";
    public const string IdentityPrefix = "m|";

    private TableClient Table => tables.GetTableClient(names.Table(StorageNames.MessagesTable));

    public static string Partition(string connectionId, string customerId) => connectionId + "|" + Keys.Escape(customerId);

    public static string ListingKey(DateTimeOffset sentAt, string externalId) => $"{ListingPrefix}{Keys.Inverted(sentAt)}|{Keys.Escape(externalId)}";

    public static string IdentityKey(string externalId) => IdentityPrefix + Keys.Escape(externalId);

    /// <summary>The <see cref="MessageEntity.WrittenBy"/> of a sync step: short, since it sits on every identity row.</summary>
    public static string WriterOf(string jobId, string stepId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(jobId + "/" + stepId)))[..16];

    /// <summary>
    /// Stores the messages that are not stored yet (by channel id) and says how many this writer stored. Identity rows
    /// are inserted, never upserted: when two writers race for one message (a webhook redelivered while the first
    /// delivery runs, a backfill beside a webhook) exactly one insert succeeds, and the other sees the conflict, reads
    /// again and leaves that message to the first — so each message is counted by the write that created it and by no
    /// other. <paramref name="writer"/> (a sync step, <see cref="WriterOf"/>; null for webhooks and replies) also counts
    /// what it stored in an earlier attempt, so a step redelivered after a crash reports the same numbers.
    /// <paramref name="partitionIsNew"/> skips the first read when the conversation was just created.
    /// </summary>
    public async Task<MessageSave> SaveAsync(
        string connectionId, string customerId, IReadOnlyCollection<ChannelMessage> messages, bool partitionIsNew, string? writer, CancellationToken cancellationToken)
    {
        var partition = Partition(connectionId, customerId);
        var pending = messages.DistinctBy(m => m.ExternalId, StringComparer.Ordinal).ToList();
        var read = !partitionIsNew;
        var (stored, already) = (0, 0);
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            var known = read ? await KnownAsync(partition, pending, cancellationToken) : [];
            var fresh = new List<ChannelMessage>();
            foreach (var message in pending)
            {
                if (!known.TryGetValue(message.ExternalId, out var by))
                {
                    fresh.Add(message);
                }
                else if (writer is not null && string.Equals(by, writer, StringComparison.Ordinal))
                {
                    stored++;
                }
                else
                {
                    already++;
                }
            }

            pending = [];
            for (var i = 0; i < fresh.Count; i += 50)
            {
                var chunk = fresh.GetRange(i, Math.Min(50, fresh.Count - i));
                try
                {
                    await Table.SubmitTransactionAsync(chunk.SelectMany(m => Actions(partition, m, writer)), cancellationToken);
                    stored += chunk.Count;
                }
                catch (RequestFailedException ex) when (ex.IsConflict() && attempt < 20)
                {
                    // Another writer stored one of these meanwhile: read the rest again and insert what is still missing.
                    pending = fresh.GetRange(i, fresh.Count - i);
                    read = true;
                    break;
                }
            }
        }

        return new MessageSave(stored, already);
    }

    /// <summary>A stored message by its channel id (its identity row carries the same fields as its listing row).</summary>
    public Task<MessageEntity?> GetAsync(string connectionId, string customerId, string externalId, CancellationToken cancellationToken) =>
        Table.GetOrDefaultAsync<MessageEntity>(Partition(connectionId, customerId), IdentityKey(externalId), cancellationToken);

    public async Task<(IReadOnlyList<MessageEntity> Items, string? NextCursor)> ListAsync(
        string connectionId, string customerId, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var partition = Partition(connectionId, customerId);
        var from = cursor is not null && cursor.StartsWith(ListingPrefix, StringComparison.Ordinal) ? cursor + "\u0001" : ListingPrefix;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {TableExtensions.PrefixEnd(ListingPrefix)}");
        return await Table.PageAsync<MessageEntity>(filter, limit, cancellationToken);
    }

    /// <summary>Which of these messages are stored, with their writers: point reads for a few, one identity-row range
    /// query for a page.</summary>
    private async Task<Dictionary<string, string?>> KnownAsync(string partition, List<ChannelMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count <= 2)
        {
            var rows = await Task.WhenAll(messages.Select(m => Table.GetOrDefaultAsync<MessageEntity>(partition, IdentityKey(m.ExternalId), cancellationToken)));
            return rows.OfType<MessageEntity>().ToDictionary(r => r.ExternalId, r => r.WrittenBy, StringComparer.Ordinal);
        }

        var known = new Dictionary<string, string?>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {IdentityPrefix} and RowKey lt {TableExtensions.PrefixEnd(IdentityPrefix)}");
        await foreach (var row in Table.QueryAsync<MessageEntity>(filter, 1000, ["ExternalId", "WrittenBy"], cancellationToken))
        {
            known[row.ExternalId] = row.WrittenBy;
        }

        return known;
    }

    /// <summary>The listing row (upserted: it only exists with its identity row) and the identity row (inserted).</summary>
    private static IEnumerable<TableTransactionAction> Actions(string partition, ChannelMessage message, string? writer)
    {
        var listing = ToEntity(partition, ListingKey(message.SentAt, message.ExternalId), message);
        var identity = ToEntity(partition, IdentityKey(message.ExternalId), message);
        identity.ListKey = listing.RowKey;
        identity.WrittenBy = writer;
        yield return new TableTransactionAction(TableTransactionActionType.UpsertReplace, listing);
        yield return new TableTransactionAction(TableTransactionActionType.Add, identity);
    }

    private static MessageEntity ToEntity(string partition, string rowKey, ChannelMessage message) => new()
    {
        PartitionKey = partition,
        RowKey = rowKey,
        ExternalId = message.ExternalId,
        Direction = message.Direction == MessageDirection.Out ? "out" : "in",
        Text = message.Text,
        Attachments = message.Attachments.Count == 0 ? null : JsonSerializer.Serialize(message.Attachments.ToList(), StorageJsonContext.Default.ListChannelAttachment),
        SentAt = message.SentAt,
        SenderId = message.SenderId,
        DetailsUnavailable = message.DetailsUnavailable,
    };
}

/// <summary>What one message save did: <see cref="Stored"/> by this writer (now or in an earlier attempt of the same
/// step), <see cref="AlreadyStored"/> by someone else before.</summary>
internal readonly record struct MessageSave(int Stored, int AlreadyStored);
