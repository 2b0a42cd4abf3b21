using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Storage;

namespace Harasocial.Sync.Webhooks;

/// <summary>
/// Remembers the SHA-256 of every applied webhook body for the replay window, so a body delivered again (a replayed
/// Shopee push that would start a second resync, a replayed unfollow or comment removal that would restore stale
/// state, a Meta retry of something already stored) is applied once. Rows live in 10-minute slots (PK = slot, RK =
/// channel + hash); a body is a repeat when its hash is in its own slot or the one before, so at least 10 minutes are
/// covered. The first queue message to claim a hash owns it, and a redelivery of that same message (a crash
/// mid-apply) may still finish. Checked when a queued webhook is applied, not at intake, to keep intake one queue put.
/// </summary>
internal sealed class WebhookSeen(TableServiceClient tables, StorageNames names, TimeProvider time)
{
    private TableClient Table => tables.GetTableClient(names.Table(StorageNames.WebhookSeenTable));

    /// <summary>True when the message may apply the body: first in the window, or a redelivery of the first message.</summary>
    public async Task<bool> TryClaimAsync(ChannelKind channel, byte[] body, string messageId, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var key = channel.ToWireName() + "-" + Convert.ToHexStringLower(SHA256.HashData(body));
        var slot = Slot(receivedAt);
        try
        {
            await Table.AddEntityAsync(new TableEntity(Partition(slot), key) { ["MessageId"] = messageId, ["ReceivedAt"] = receivedAt }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return IsOwnedBy(await Table.GetOrDefaultAsync<TableEntity>(Partition(slot), key, cancellationToken), messageId);
        }

        return IsOwnedBy(await Table.GetOrDefaultAsync<TableEntity>(Partition(slot - 1), key, cancellationToken), messageId);
    }

    /// <summary>Deletes the slots older than the two a claim reads (called from the periodic resync tick).</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken) =>
        Table.DeleteWhereAsync(TableClient.CreateQueryFilter($"PartitionKey lt {Partition(Slot(time.GetUtcNow()) - 1)}"), cancellationToken);

    private static bool IsOwnedBy(TableEntity? row, string messageId) =>
        row is null || string.Equals(row.GetString("MessageId"), messageId, StringComparison.Ordinal);

    private static long Slot(DateTimeOffset at) => at.UtcTicks / ReplayWindow.Span.Ticks;

    private static string Partition(long slot) => slot.ToString("D12", CultureInfo.InvariantCulture);
}
