using Azure;
using Azure.Data.Tables;
using Harasocial.Sync.Storage;

namespace Harasocial.Standalone.Hosting;

/// <summary>
/// Makes a timer tick run once across every running instance: one lease row per timer function holds the last
/// claimed tick; an instance claims a tick by replacing the row under its ETag, so only one of several racers wins.
/// </summary>
internal sealed class TimerLease(TableServiceClient tables, StorageNames names, TimeProvider time)
{
    private const string Partition = "timer";

    public async Task<bool> TryClaimAsync(string functionName, DateTimeOffset tick, string owner, CancellationToken cancellationToken)
    {
        var table = tables.GetTableClient(names.Table(StorageNames.LeasesTable));
        var existing = await table.GetOrDefaultAsync<TableEntity>(Partition, functionName, cancellationToken);
        var claim = new TableEntity(Partition, functionName)
        {
            ["LastTick"] = tick,
            ["Owner"] = owner,
            ["ClaimedAt"] = time.GetUtcNow(),
        };
        try
        {
            if (existing is null)
            {
                await table.AddEntityAsync(claim, cancellationToken);
                return true;
            }

            if (existing.GetDateTimeOffset("LastTick") is { } last && last >= tick)
            {
                return false;
            }

            await table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.IsConflict())
        {
            return false;
        }
    }
}
