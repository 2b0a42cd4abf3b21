using Azure;
using Harasocial.AzureStorage;

namespace Harasocial.Functions.Storage;

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

    /// <summary>The smallest key greater than every key that starts with <paramref name="prefix"/>.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    public static bool IsConflict(this RequestFailedException ex) => ex.Status is 409 or 412;
}
