using Harasocial.Sync.Storage;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class ConversationStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// An initial import inserts without reading; the last conversation exists already (a webhook made it), so the
    /// transaction fails at its last action. Nothing of it may stay behind: the retry must still see the first two as
    /// new (the job counts them), and every conversation has exactly one listing row.
    /// </summary>
    [Fact]
    public async Task SaveAsync_AssumeNewButLastExists_FailedTransactionLeavesNothingAndRetryMerges()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var store = new ConversationStore(storage.Tables, storage.Names);
        await store.SaveAsync("cn_a", ["c3"], (old, _) => Row(old, T0.AddHours(5), "from webhook"), CancellationToken.None);
        storage.Requests.Clear();

        var created = await store.SaveAsync("cn_a", ["c1", "c2", "c3"], (old, _) => Row(old, T0, old?.CustomerName ?? "imported"), CancellationToken.None, assumeNew: true);
        var rows = await storage.RowsAsync(StorageNames.ConversationsTable, "cn_a");

        Assert.Equal(["c1", "c2"], created.Order(StringComparer.Ordinal));
        Assert.Equal(2, storage.Requests.Transactions); // the failed insert-only attempt, then the merge
        Assert.Equal(3, rows.Count(r => r.RowKey.StartsWith(ConversationStore.ConversationPrefix, StringComparison.Ordinal)));
        Assert.Equal(3, rows.Count(r => r.RowKey.StartsWith(ConversationStore.ListingPrefix, StringComparison.Ordinal)));
        Assert.Equal("from webhook", (await store.GetAsync("cn_a", "c3", CancellationToken.None))!.CustomerName);
    }

    /// <summary>A writer holding an old ETag loses as a whole: no row replaced, no listing row added or removed.</summary>
    [Fact]
    public async Task TryReplaceAsync_StaleETag_FalseAndRowsUnchanged()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var store = new ConversationStore(storage.Tables, storage.Names);
        await store.SaveAsync("cn_a", ["c1"], (old, _) => Row(old, T0, "buyer"), CancellationToken.None);
        var stale = (await store.GetAsync("cn_a", "c1", CancellationToken.None))!;
        var fresh = (await store.GetAsync("cn_a", "c1", CancellationToken.None))!;
        Assert.True(await store.TryReplaceAsync(fresh, Moved(fresh, T0.AddHours(1)), CancellationToken.None));
        var before = await SnapshotAsync(storage);

        var replaced = await store.TryReplaceAsync(stale, Moved(stale, T0.AddHours(2)), CancellationToken.None);

        Assert.False(replaced);
        Assert.Equal(before, await SnapshotAsync(storage));
        Assert.Contains(before, r => r.StartsWith(ConversationStore.ListingKey("inbox", T0.AddHours(1), "c1") + " ", StringComparison.Ordinal));
    }

    /// <summary>Filter values go through <c>TableClient.CreateQueryFilter</c>: a quote in a value cannot change the query.</summary>
    [Theory]
    [InlineData("open", 2)]
    [InlineData("it's", 1)]
    [InlineData("open' or Status ne 'x", 0)]
    [InlineData("x' or 1 eq 1 or Status eq '", 0)]
    public async Task ListAsync_StatusWithQuotes_MatchesOnlyThatValue(string status, int expected)
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var store = new ConversationStore(storage.Tables, storage.Names);
        await store.SaveAsync("cn_a", ["c1", "c2", "c3"], (old, id) => Row(old, T0, id), CancellationToken.None);
        var odd = (await store.GetAsync("cn_a", "c3", CancellationToken.None))!;
        var changed = Moved(odd, odd.LastMessageAt);
        changed.Status = "it's";
        Assert.True(await store.TryReplaceAsync(odd, changed, CancellationToken.None));

        var (items, _) = await store.ListAsync("cn_a", "inbox", status, 20, null, CancellationToken.None);

        Assert.Equal(expected, items.Count);
    }

    private static ConversationEntity Row(ConversationEntity? old, DateTimeOffset lastMessageAt, string name)
    {
        var row = old ?? new ConversationEntity { CreatedAt = lastMessageAt, CustomerName = name };
        row.LastMessageAt = old is null ? lastMessageAt : old.LastMessageAt;
        return row;
    }

    private static ConversationEntity Moved(ConversationEntity row, DateTimeOffset lastMessageAt)
    {
        var copy = row.CopyAs(row.RowKey);
        copy.ETag = row.ETag;
        copy.LastMessageAt = lastMessageAt;
        return copy;
    }

    private static async Task<List<string>> SnapshotAsync(StoreHarness storage) =>
        [.. (await storage.RowsAsync(StorageNames.ConversationsTable, "cn_a")).Select(r => $"{r.RowKey} {r.ETag} {r.GetDateTimeOffset("LastMessageAt"):O}").Order(StringComparer.Ordinal)];
}
