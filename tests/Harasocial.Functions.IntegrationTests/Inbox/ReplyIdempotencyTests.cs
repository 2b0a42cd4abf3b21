using Azure.Data.Tables;
using Harasocial.Sync.Inbox;
using Harasocial.Sync.Storage;
using Harasocial.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harasocial.Functions.IntegrationTests.Inbox;

/// <summary>The Idempotency-Key rows on Azurite, on a manual clock: 24 h retention, lease takeover, 5xx gives the key up, prune.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReplyIdempotencyTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly string Print = ReplyIdempotency.Fingerprint("cn_1.NDI", "hello");

    [Fact]
    public async Task Key_AnsweredAgainFor24Hours_ThenSendsAgain_PrunedAfter()
    {
        var (idempotency, store, clock) = await CreateAsync();
        var sends = 0;
        Task<ReplyAnswer> Send() => Task.FromResult(new ReplyAnswer(201, $"{{\"n\":{++sends}}}"));

        await idempotency.RunAsync(new DefaultHttpContext(), "t1", "k", Print, Send);
        clock.Now = Start.AddHours(23);
        await idempotency.RunAsync(new DefaultHttpContext(), "t1", "k", Print, Send);
        await idempotency.RunAsync(new DefaultHttpContext(), "t2", "k", Print, Send); // another tenant's key
        Assert.Equal(2, sends);

        clock.Now = Start.AddHours(24).AddSeconds(1);
        await idempotency.RunAsync(new DefaultHttpContext(), "t1", "k", Print, Send);
        Assert.Equal(3, sends);

        clock.Now = Start.AddHours(49);
        Assert.Equal(2, await store.PruneAsync(clock.Now - ReplyIdempotency.Retention, CancellationToken.None));
    }

    [Fact]
    public async Task Key_HolderDiedMidSend_TakenOverAfterItsLease()
    {
        var (idempotency, store, clock) = await CreateAsync();
        var claim = new IdempotencyEntity { PartitionKey = "t1", RowKey = RowKey("k"), Fingerprint = Print, CreatedAt = Start, Pending = Start.AddMinutes(2) };
        Assert.True(await store.TryClaimAsync(claim, CancellationToken.None));
        var sends = 0;

        clock.Now = Start.AddMinutes(2).AddSeconds(1);
        await idempotency.RunAsync(new DefaultHttpContext(), "t1", "k", Print, () => Task.FromResult(new ReplyAnswer(201, $"{{\"n\":{++sends}}}")));

        Assert.Equal(1, sends);
        Assert.Null((await store.GetAsync("t1", RowKey("k"), CancellationToken.None))!.Pending);
    }

    [Fact]
    public async Task Key_ChannelRefused_GivenUpSoARetrySends()
    {
        var (idempotency, store, _) = await CreateAsync();
        var answers = new Queue<ReplyAnswer>([new ReplyAnswer(502, null, "The channel refused the message", "Graph said no"), new ReplyAnswer(201, "{}")]);
        var sends = 0;
        Task<ReplyAnswer> Send()
        {
            sends++;
            return Task.FromResult(answers.Dequeue());
        }

        await idempotency.RunAsync(new DefaultHttpContext(), "t1", "k", Print, Send);
        Assert.Null(await store.GetAsync("t1", RowKey("k"), CancellationToken.None));
        await idempotency.RunAsync(new DefaultHttpContext(), "t1", "k", Print, Send);

        Assert.Equal(2, sends);
        Assert.Equal(201, (await store.GetAsync("t1", RowKey("k"), CancellationToken.None))!.Status);
    }

    private static string RowKey(string key) =>
        "r|" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    private async Task<(ReplyIdempotency Idempotency, IdempotencyStore Store, Clock Clock)> CreateAsync()
    {
        var names = new StorageNames(azurite.UniqueName(string.Empty));
        var tables = new TableServiceClient(azurite.ConnectionString);
        await tables.GetTableClient(names.Table(StorageNames.IdempotencyTable)).CreateIfNotExistsAsync();
        var clock = new Clock(Start);
        var store = new IdempotencyStore(tables, names);
        return (new ReplyIdempotency(store, clock, NullLogger<ReplyIdempotency>.Instance), store, clock);
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
