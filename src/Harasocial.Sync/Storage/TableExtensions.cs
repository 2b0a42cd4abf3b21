using Azure;
using Azure.Data.Tables;

namespace Harasocial.Sync.Storage;

internal static class TableExtensions
{
    /// <summary>Runs actions of one partition as entity-group transactions of at most 100 operations.</summary>
    public static async Task SubmitInChunksAsync(this TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        for (var i = 0; i < actions.Count; i += 100)
        {
            await table.SubmitTransactionAsync(actions.Skip(i).Take(100), cancellationToken);
        }
    }

    /// <summary>Deletes every row the filter matches, partition by partition in transactions; answers how many.</summary>
    public static async Task<int> DeleteWhereAsync(this TableClient table, string filter, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, 1000, ["PartitionKey", "RowKey"], cancellationToken))
        {
            rows.Add(row);
        }

        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            await table.SubmitInChunksAsync(
                [.. partition.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(r.PartitionKey, r.RowKey)))],
                cancellationToken);
        }

        return rows.Count;
    }

    public static async Task<T?> GetOrDefaultAsync<T>(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        var row = await table.GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Rows of one partition whose keys start with <paramref name="prefix"/>, in key order.</summary>
    public static AsyncPageable<T> QueryPrefixAsync<T>(this TableClient table, string partitionKey, string prefix, int? maxPerPage = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new() =>
        table.QueryAsync<T>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {PrefixEnd(prefix)}"),
            maxPerPage,
            cancellationToken: cancellationToken);

    /// <summary>
    /// One page of a keyset-paged listing: up to <paramref name="limit"/> rows in key order, and the last row's key as
    /// the cursor when at least one more row follows (null at the end).
    /// </summary>
    public static async Task<(List<T> Items, string? NextCursor)> PageAsync<T>(this TableClient table, string filter, int limit, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        var items = new List<T>(limit);
        await foreach (var row in table.QueryAsync<T>(filter, Math.Min(limit + 1, 1000), cancellationToken: cancellationToken))
        {
            if (items.Count == limit)
            {
                return (items, items[^1].RowKey);
            }

            items.Add(row);
        }

        return (items, null);
    }

    /// <summary>The smallest key greater than every key that starts with <paramref name="prefix"/>.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    public static bool IsConflict(this RequestFailedException ex) => ex.Status is 409 or 412;
}
