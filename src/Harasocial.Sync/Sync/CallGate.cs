using Azure;
using Azure.Data.Tables;
using Harasocial.Sync.Storage;

namespace Harasocial.Sync.Sync;

/// <summary>
/// Paces conversation-list calls per channel account across every instance (Graph allows 2/s per Page or IG
/// account). A row per account holds the next free slot; a caller claims a slot under the row's ETag, then waits
/// for it. Slots are spaced 25% wider than 1/rate: a request can reach the channel later than its slot (a loaded
/// machine delayed one by >100 ms in benchmark 3 and three calls landed in one second with a 10% margin).
/// A caller that wakes up more than <see cref="MaxLateness"/> after its slot gives the slot up and claims a new one:
/// a late call would land next to the calls of the following slots (the fault test on a loaded 2-core box once saw a
/// call 0.3 s late make three in one second). Two slots apart leave 1.25 s; lateness plus network delay must stay
/// within the 0.25 s margin.
/// </summary>
internal sealed class CallGate(TableServiceClient tables, StorageNames names, TimeProvider time)
{
    private const string Partition = "gate";
    private const int MaxReclaims = 5;
    private static readonly TimeSpan MaxLateness = TimeSpan.FromMilliseconds(100);

    public async Task WaitTurnAsync(string account, double callsPerSecond, CancellationToken cancellationToken)
    {
        if (callsPerSecond <= 0)
        {
            return;
        }

        var spacing = TimeSpan.FromSeconds(1.25 / callsPerSecond);
        var table = tables.GetTableClient(names.Table(StorageNames.LeasesTable));
        var rowKey = Keys.Escape(account);
        for (var reclaims = 0; ; )
        {
            var row = await table.GetOrDefaultAsync<TableEntity>(Partition, rowKey, cancellationToken);
            var now = time.GetUtcNow();
            var next = row?.GetDateTimeOffset("NextAt") ?? now;
            var slot = next > now ? next : now;
            var claim = new TableEntity(Partition, rowKey) { ["NextAt"] = slot + spacing };
            try
            {
                if (row is null)
                {
                    await table.AddEntityAsync(claim, cancellationToken);
                }
                else
                {
                    await table.UpdateEntityAsync(claim, row.ETag, TableUpdateMode.Replace, cancellationToken);
                }
            }
            catch (RequestFailedException ex) when (ex.IsConflict())
            {
                continue;
            }

            var wait = slot - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            if (time.GetUtcNow() - slot <= MaxLateness || ++reclaims > MaxReclaims)
            {
                return;
            }
        }
    }
}
