using System.Text;
using Azure.Data.Tables;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Webhooks;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Webhooks;

/// <summary>The remembered body hashes on Azurite: first claim wins, the same queue message may finish after a crash,
/// a repeat in the next slot is still caught, and the resync tick's prune forgets what is past the window.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebhookSeenTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Claim_FirstMessageWins_ItsRedeliveryProceeds_RepeatsWithinTheWindowDropped_PrunedAfter()
    {
        var clock = new Clock(Start);
        var (seen, table) = await CreateAsync(clock);
        var body = Encoding.UTF8.GetBytes("""{"event_name":"unfollow","follower":{"id":"1"}}""");

        Assert.True(await seen.TryClaimAsync(ChannelKind.Zalo, body, "m1", Start, CancellationToken.None));
        Assert.True(await seen.TryClaimAsync(ChannelKind.Zalo, body, "m1", Start, CancellationToken.None)); // redelivery of m1
        Assert.False(await seen.TryClaimAsync(ChannelKind.Zalo, body, "m2", Start.AddMinutes(1), CancellationToken.None));
        Assert.False(await seen.TryClaimAsync(ChannelKind.Zalo, body, "m3", Start.AddMinutes(10), CancellationToken.None)); // next slot
        Assert.True(await seen.TryClaimAsync(ChannelKind.Shopee, body, "m4", Start.AddMinutes(1), CancellationToken.None)); // other channel

        clock.Now = Start.AddMinutes(35);
        var pruned = await seen.PruneAsync(CancellationToken.None);

        Assert.True(pruned >= 3, $"{pruned} rows pruned");
        Assert.Empty(await RowsAsync(table));
        Assert.True(await seen.TryClaimAsync(ChannelKind.Zalo, body, "m5", clock.Now, CancellationToken.None));
    }

    private async Task<(WebhookSeen Seen, TableClient Table)> CreateAsync(TimeProvider clock)
    {
        var names = new StorageNames(azurite.UniqueName(string.Empty));
        var tables = new TableServiceClient(azurite.ConnectionString);
        var table = tables.GetTableClient(names.Table(StorageNames.WebhookSeenTable));
        await table.CreateIfNotExistsAsync();
        return (new WebhookSeen(tables, names, clock), table);
    }

    private static async Task<List<TableEntity>> RowsAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
