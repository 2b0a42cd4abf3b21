using Azure;
using Azure.Data.Tables;

namespace Harasocial.Functions.Storage;

/// <summary>Conversation rows and their "by last activity" listing rows, always written together.</summary>
internal sealed class ConversationStore(TableServiceClient tables, StorageNames names)
{
    public const string ConversationPrefix = "c|";
    public const string ListingPrefix = "i|";

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
    /// returns the row to store; the listing row moves with it. Retries with fresh reads if a webhook wrote in between.
    /// Returns which customers were new.
    /// </summary>
    public async Task<HashSet<string>> SaveAsync(
        string connectionId,
        IReadOnlyCollection<string> customerIds,
        Func<ConversationEntity?, string, ConversationEntity> merge,
        CancellationToken cancellationToken,
        bool onlyExisting = false,
        bool assumeNew = false)
    {
        for (var attempt = 0; ; attempt++)
        {
            // assumeNew (an initial import): try inserting without reading first; any row that exists after all makes
            // the transaction fail with 409 and the next attempt reads and merges as usual.
            var existing = assumeNew && attempt == 0
                ? new Dictionary<string, ConversationEntity>(StringComparer.Ordinal)
                : await GetManyAsync(connectionId, customerIds, cancellationToken);
            var created = new HashSet<string>(StringComparer.Ordinal);
            var groups = new List<List<TableTransactionAction>>();
            foreach (var customerId in customerIds.Distinct(StringComparer.Ordinal))
            {
                existing.TryGetValue(customerId, out var old);
                if (old is null && onlyExisting)
                {
                    continue;
                }

                var row = merge(old, customerId);
                row.PartitionKey = connectionId;
                row.RowKey = ConversationKey(customerId);
                row.CustomerId = customerId;
                if (old is null)
                {
                    created.Add(customerId);
                }

                groups.Add(Moves(old, row));
            }

            try
            {
                // Each conversation's 2-3 operations stay in one transaction; at least 33 conversations fit in 100 operations.
                foreach (var batch in Pack(groups))
                {
                    await Table.SubmitTransactionAsync(batch, cancellationToken);
                }

                return created;
            }
            catch (RequestFailedException ex) when (ex.IsConflict() && attempt < 10)
            {
                // A webhook changed one of these conversations; merge again from fresh rows.
            }
        }
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

    private static IEnumerable<List<TableTransactionAction>> Pack(List<List<TableTransactionAction>> groups)
    {
        var batch = new List<TableTransactionAction>(100);
        foreach (var group in groups)
        {
            if (batch.Count + group.Count > 100)
            {
                yield return batch;
                batch = new List<TableTransactionAction>(100);
            }

            batch.AddRange(group);
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
}
