using Azure.Data.Tables;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests;

/// <summary>Reads what a connection has in storage, straight from the tables (not through the app).</summary>
internal sealed class StoredData(AzuriteFixture azurite, string prefix, string connectionId)
{
    private readonly TableServiceClient tables = TestStorage.Tables(azurite);

    /// <summary>Customer id → number of stored messages (identity rows), for every stored conversation.</summary>
    public async Task<Dictionary<string, int>> MessagesByCustomerAsync()
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var customer in await CustomersAsync())
        {
            result[customer] = await CountAsync("messages", $"{connectionId}|{customer}", "m|");
        }

        return result;
    }

    public async Task<List<string>> CustomersAsync(string? folder = null)
    {
        var list = new List<string>();
        await foreach (var row in tables.GetTableClient(prefix + "conversations").QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {connectionId} and RowKey ge {"c|"} and RowKey lt {"c}"}")))
        {
            if (folder is null || row.GetString("Folder") == folder)
            {
                list.Add(row.GetString("CustomerId")!);
            }
        }

        return list;
    }

    /// <summary>Listing rows must mirror conversation rows one to one (the index never leaks or duplicates).</summary>
    public async Task<(int Conversations, int Listings)> ConversationRowCountsAsync() =>
        (await CountAsync("conversations", connectionId, "c|"), await CountAsync("conversations", connectionId, "i|"));

    public async Task<int> CountAsync(string table, string partition, string prefix = "")
    {
        var count = 0;
        var filter = prefix.Length == 0
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + (char)(prefix[^1] + 1)}");
        await foreach (var _ in tables.GetTableClient(TableName(table)).QueryAsync<TableEntity>(filter, 1000, ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    /// <summary>Rows of every partition whose key starts with <paramref name="partitionPrefix"/> (e.g. all of a connection's comments).</summary>
    public async Task<int> CountPartitionsAsync(string table, string partitionPrefix)
    {
        var count = 0;
        var end = partitionPrefix[..^1] + (char)(partitionPrefix[^1] + 1);
        await foreach (var _ in tables.GetTableClient(TableName(table)).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey ge {partitionPrefix} and PartitionKey lt {end}"), 1000, ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    public async Task<List<TableEntity>> RowsAsync(string table, string partition)
    {
        var list = new List<TableEntity>();
        await foreach (var row in tables.GetTableClient(TableName(table)).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
        {
            list.Add(row);
        }

        return list;
    }

    private string TableName(string table) => prefix + table;
}
