using Azure.Data.Tables;
using Harasocial.Sync.Storage;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Reliability;

/// <summary>Reads every table of one app prefix raw, for "nothing stored" and "no secret at rest" checks.</summary>
internal sealed class StorageScan(AzuriteFixture azurite, string prefix)
{
    private readonly TableServiceClient tables = TestStorage.Tables(azurite);
    private readonly StorageNames names = new(prefix);

    /// <summary>Table → row count (timer leases excluded: the standalone timers renew them on their own).</summary>
    public async Task<Dictionary<string, int>> RowCountsAsync()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in StorageNames.AllTables.Where(t => t != StorageNames.LeasesTable))
        {
            var count = 0;
            await foreach (var _ in tables.GetTableClient(names.Table(table)).QueryAsync<TableEntity>(filter: (string?)null, maxPerPage: 1000, select: ["RowKey"]))
            {
                count++;
            }

            counts[table] = count;
        }

        return counts;
    }

    /// <summary>Every row of every table as (table, partition, row, property, text of the value).</summary>
    public async Task<List<(string Table, string Partition, string Row, string Property, string Value)>> AllValuesAsync()
    {
        var values = new List<(string, string, string, string, string)>();
        foreach (var table in StorageNames.AllTables)
        {
            await foreach (var row in tables.GetTableClient(names.Table(table)).QueryAsync<TableEntity>())
            {
                values.Add((table, row.PartitionKey, row.RowKey, "PartitionKey", row.PartitionKey));
                values.Add((table, row.PartitionKey, row.RowKey, "RowKey", row.RowKey));
                foreach (var (key, value) in row)
                {
                    values.Add((table, row.PartitionKey, row.RowKey, key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
                }
            }
        }

        return values;
    }
}
