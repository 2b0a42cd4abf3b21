using Azure;
using Azure.Data.Tables;

namespace Harasocial.Sync.Storage;

/// <summary>Conversation rows and their "by last activity" listing rows, always written together.</summary>
internal sealed class ConversationStore(TableServiceClient tables, StorageNames names)
{
    public const string ConversationPrefix = "c|";
    public const string ListingPrefix = "i|";

    /// <summary>Conflicts one save rides out: every round one of the racing writers wins, so this is the most writers
    /// one conversation can have at once (replies, their echoes, webhooks, a sync step) before one gives up.</summary>
    private const int MaxAttempts = 100;

    private TableClient Table => tables.GetTableClient(names.Table(StorageNames.ConversationsTable));

    public static string ConversationKey(string customerId) => ConversationPrefix + Keys.Escape(customerId);

    public static string ListingKey(string folder, DateTimeOffset lastMessageAt, string customerId) =>
        $"{ListingPrefix}{folder}|{Keys.Inverted(lastMessageAt)}|{Keys.Escape(customerId)}";

    public static string FolderPrefix(string folder) => $"{ListingPrefix}{folder}|";

    public Task<ConversationEntity?> GetAsync(string connectionId, string customerId, CancellationToken cancellationToken) =>
        Table.GetOrDefaultAsync<ConversationEntity>(connectionId, ConversationKey(customerId), cancellationToken);

    public async Task<Dictionary<string, ConversationEntity>> GetManyAsync(string connectionId, IEnumerable<string> customerIds, CancellationToken cancellationToken)
    {
        var rows = await Task.WhenAll(customerIds.Distinct(StringComparer.Ordinal).Select(id => GetAsync(connectionId, id, cancellationToken)));
        return rows.OfType<ConversationEntity>().ToDictionary(r => r.CustomerId, StringComparer.Ordinal);
    }

    /// <summary>
    /// Creates or updates conversations of one connection. <paramref name="merge"/> gets the stored row (or null) and
    /// returns the row to store; the listing row moves with it. New rows are inserted and known rows replaced under
    /// their ETag, so when writers race (concurrent first messages of a new customer, a webhook beside a sync step)
    /// exactly one insert creates the row; the others conflict, read it again and merge into it. Returns the
    /// customers whose row this call created — the only write that may count them — plus those whose stored row
    /// <paramref name="createdBy"/> claims (a sync step redelivered after a crash: it created them the first time).
    /// </summary>
    public async Task<HashSet<string>> SaveAsync(
        string connectionId,
        IReadOnlyCollection<string> customerIds,
        Func<ConversationEntity?, string, ConversationEntity> merge,
        CancellationToken cancellationToken,
        bool onlyExisting = false,
        bool assumeNew = false,
        Func<ConversationEntity, bool>? createdBy = null)
    {
        var created = new HashSet<string>(StringComparer.Ordinal);
        var pending = customerIds.Distinct(StringComparer.Ordinal).ToList();
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            // assumeNew (an initial import): try inserting without reading first; any row that exists after all makes
            // its transaction fail with 409 and the next attempt reads and merges as usual.
            var existing = assumeNew && attempt == 0
                ? new Dictionary<string, ConversationEntity>(StringComparer.Ordinal)
                : await GetManyAsync(connectionId, pending, cancellationToken);
            var groups = new List<Write>();
            foreach (var customerId in pending)
            {
                existing.TryGetValue(customerId, out var old);
                if (old is null && onlyExisting)
                {
                    continue;
                }

                if (old is not null && createdBy?.Invoke(old) == true)
                {
                    created.Add(customerId);
                }

                var row = merge(old, customerId);
                row.PartitionKey = connectionId;
                row.RowKey = ConversationKey(customerId);
                row.CustomerId = customerId;
                if (old is not null && row.SameContentAs(old))
                {
                    // Nothing changes (e.g. the echo of a reply already stored): no write, no ETag race with real changes.
                    continue;
                }

                groups.Add(new Write(customerId, old is null, Moves(old, row)));
            }

            pending = [];
            var batches = Pack(groups).ToList();
            for (var i = 0; i < batches.Count; i++)
            {
                try
                {
                    await Table.SubmitTransactionAsync(batches[i].SelectMany(g => g.Actions), cancellationToken);
                    created.UnionWith(batches[i].Where(g => g.Creates).Select(g => g.CustomerId));
                }
                catch (RequestFailedException ex) when (ex.IsConflict() && attempt < MaxAttempts)
                {
                    // Another writer created or changed one of these first: merge this batch and the rest again from
                    // fresh rows (the batches before it are stored). Many writers on one conversation (20 replies at
                    // once and their echoes) each win one round: a short random pause spreads them out.
                    pending = [.. batches.Skip(i).SelectMany(b => b).Select(g => g.CustomerId)];
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 5 * Math.Min(attempt + 1, 20))), cancellationToken);
                    break;
                }
            }
        }

        return created;
    }

    /// <summary>Replaces one conversation (and moves its listing row) under its ETag; false on a concurrent change.</summary>
    public async Task<bool> TryReplaceAsync(ConversationEntity? old, ConversationEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await Table.SubmitTransactionAsync(Moves(old, row), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.IsConflict())
        {
            return false;
        }
    }

    public async Task<(IReadOnlyList<ConversationEntity> Items, string? NextCursor)> ListAsync(
        string connectionId, string folder, string? status, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var from = cursor is not null && cursor.StartsWith(FolderPrefix(folder), StringComparison.Ordinal) ? cursor + "\u0001" : FolderPrefix(folder);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {connectionId} and RowKey ge {from} and RowKey lt {TableExtensions.PrefixEnd(FolderPrefix(folder))}");
        if (status is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {status}");
        }

        return await Table.PageAsync<ConversationEntity>(filter, limit, cancellationToken);
    }

    /// <summary>Each conversation's 2-3 operations stay in one transaction; at least 33 conversations fit in 100 operations.</summary>
    private static IEnumerable<List<Write>> Pack(List<Write> writes)
    {
        var batch = new List<Write>();
        var operations = 0;
        foreach (var write in writes)
        {
            if (operations + write.Actions.Count > 100)
            {
                yield return batch;
                (batch, operations) = ([], 0);
            }

            batch.Add(write);
            operations += write.Actions.Count;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static List<TableTransactionAction> Moves(ConversationEntity? old, ConversationEntity row)
    {
        var listingKey = ListingKey(row.Folder, row.LastMessageAt, row.CustomerId);
        var actions = new List<TableTransactionAction>(3)
        {
            old is null
                ? new TableTransactionAction(TableTransactionActionType.Add, row)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, old.ETag),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, row.CopyAs(listingKey)),
        };
        if (old is not null)
        {
            var oldKey = ListingKey(old.Folder, old.LastMessageAt, old.CustomerId);
            if (!string.Equals(oldKey, listingKey, StringComparison.Ordinal))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, old.CopyAs(oldKey)));
            }
        }

        return actions;
    }

    /// <summary>One conversation's write: its operations, and whether they create the row.</summary>
    private sealed record Write(string CustomerId, bool Creates, List<TableTransactionAction> Actions);
}
