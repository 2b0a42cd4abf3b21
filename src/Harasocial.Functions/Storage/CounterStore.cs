using Azure;
using Azure.Data.Tables;

namespace Harasocial.Functions.Storage;

/// <summary>
/// What webhooks add to a connection's counts, spread over <see cref="Shards"/> rows (PK = connection id, RK = shard).
/// Every new message used to bump the connection row itself; a burst of webhooks for one page then fought over that
/// row's ETag (benchmark 4's drain: "keeps changing under us", a few messages a second). A random shard keeps
/// concurrent writers apart; readers add the shards to the counts the sync jobs wrote on the connection row.
/// </summary>
internal sealed class CounterStore(TableServiceClient tables, StorageNames names)
{
    public const int Shards = 16;

    private TableClient Counters => tables.GetTableClient(names.Table(StorageNames.CountersTable));

    public async Task AddAsync(string connectionId, int conversations, long messages, CancellationToken cancellationToken)
    {
        var shard = Random.Shared.Next(Shards).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        for (var attempt = 0; ; attempt++)
        {
            var row = await Counters.GetOrDefaultAsync<TableEntity>(connectionId, shard, cancellationToken);
            var next = new TableEntity(connectionId, shard)
            {
                ["Conversations"] = (row?.GetInt32("Conversations") ?? 0) + conversations,
                ["Messages"] = (row?.GetInt64("Messages") ?? 0) + messages,
            };
            try
            {
                await (row is null
                    ? Counters.AddEntityAsync(next, cancellationToken)
                    : Counters.UpdateEntityAsync(next, row.ETag, TableUpdateMode.Replace, cancellationToken));
                return;
            }
            catch (RequestFailedException ex) when (ex.IsConflict() && attempt < 50)
            {
                // Another writer took this shard's ETag first: read it again.
            }
        }
    }

    /// <summary>The webhook additions of a connection, summed over its shards (one query).</summary>
    public async Task<(int Conversations, long Messages)> SumAsync(string connectionId, CancellationToken cancellationToken)
    {
        var (conversations, messages) = (0, 0L);
        await foreach (var row in Counters.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {connectionId}"), cancellationToken: cancellationToken))
        {
            conversations += row.GetInt32("Conversations") ?? 0;
            messages += row.GetInt64("Messages") ?? 0;
        }

        return (conversations, messages);
    }
}
