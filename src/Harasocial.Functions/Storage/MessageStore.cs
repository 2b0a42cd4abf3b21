using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Harasocial.Functions.Channels;

namespace Harasocial.Functions.Storage;

/// <summary>Messages per conversation, newest first, written once per channel message id.</summary>
internal sealed class MessageStore(TableServiceClient tables, StorageNames names)
{
    public const string ListingPrefix = "t|";
    public const string IdentityPrefix = "m|";

    private TableClient Table => tables.GetTableClient(names.Table(StorageNames.MessagesTable));

    public static string Partition(string connectionId, string customerId) => connectionId + "|" + Keys.Escape(customerId);

    public static string ListingKey(DateTimeOffset sentAt, string externalId) => $"{ListingPrefix}{Keys.Inverted(sentAt)}|{Keys.Escape(externalId)}";

    public static string IdentityKey(string externalId) => IdentityPrefix + Keys.Escape(externalId);

    /// <summary>
    /// Stores the messages that are not stored yet (by channel id) and returns how many were new.
    /// <paramref name="partitionIsNew"/> skips the existence check when the conversation was just created: then a
    /// repeated write can only be this same step again, with the same keys, which the upserts absorb. Otherwise the
    /// identity rows are inserted, not upserted: when a concurrent writer (the same webhook delivered twice) stores a
    /// message between our check and our write, our transaction fails whole and is retried without it, so each message
    /// is counted new by exactly one writer.
    /// </summary>
    public async Task<int> SaveAsync(
        string connectionId, string customerId, IReadOnlyCollection<ChannelMessage> messages, bool partitionIsNew, CancellationToken cancellationToken)
    {
        var partition = Partition(connectionId, customerId);
        var identityAction = partitionIsNew ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.Add;
        var saved = 0;
        for (var attempt = 0; ; attempt++)
        {
            var known = partitionIsNew ? new HashSet<string>(StringComparer.Ordinal) : await KnownIdsAsync(partition, messages, cancellationToken);
            var fresh = messages.Where(m => !known.Contains(m.ExternalId)).DistinctBy(m => m.ExternalId, StringComparer.Ordinal);
            try
            {
                // Two rows per message: 50 messages make one transaction of 100 operations, the most it may hold.
                foreach (var chunk in fresh.Chunk(50))
                {
                    await Table.SubmitTransactionAsync(chunk.SelectMany(m => Rows(partition, m, identityAction)), cancellationToken);
                    saved += chunk.Length;
                }

                return saved;
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && !partitionIsNew && attempt < 10)
            {
                // Someone else stored one of these first; chunks already committed are known now and not counted twice.
            }
        }
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

    /// <summary>Which of these messages are stored: point reads for a few, one identity-row range query for a page.</summary>
    private async Task<HashSet<string>> KnownIdsAsync(string partition, IReadOnlyCollection<ChannelMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count <= 2)
        {
            var rows = await Task.WhenAll(messages.Select(m => Table.GetOrDefaultAsync<MessageEntity>(partition, IdentityKey(m.ExternalId), cancellationToken)));
            return rows.OfType<MessageEntity>().Select(r => r.ExternalId).ToHashSet(StringComparer.Ordinal);
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {IdentityPrefix} and RowKey lt {TableExtensions.PrefixEnd(IdentityPrefix)}");
        await foreach (var row in Table.QueryAsync<MessageEntity>(filter, 1000, ["ExternalId"], cancellationToken))
        {
            known.Add(row.ExternalId);
        }

        return known;
    }

    private static IEnumerable<TableTransactionAction> Rows(string partition, ChannelMessage message, TableTransactionActionType identityAction)
    {
        var listing = ToEntity(partition, ListingKey(message.SentAt, message.ExternalId), message);
        var identity = ToEntity(partition, IdentityKey(message.ExternalId), message);
        identity.ListKey = listing.RowKey;
        return [new TableTransactionAction(TableTransactionActionType.UpsertReplace, listing), new TableTransactionAction(identityAction, identity)];
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
