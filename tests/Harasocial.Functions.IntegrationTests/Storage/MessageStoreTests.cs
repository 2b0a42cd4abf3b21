using Harasocial.Sync.Storage;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class MessageStoreTests(AzuriteFixture azurite)
{
    /// <summary>50 messages = 100 rows (listing + identity) = exactly one entity-group transaction, the most one may hold.</summary>
    [Fact]
    public async Task SaveAsync_FiftyMessages_OneTransactionOfOneHundredOperations()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var store = new MessageStore(storage.Tables, storage.Names);

        var saved = await store.SaveAsync("cn_a", "c1", StoreHarness.Messages(50), partitionIsNew: true, writer: null, CancellationToken.None);
        var transactions = storage.Requests.Transactions;
        var rows = await storage.RowsAsync(StorageNames.MessagesTable, MessageStore.Partition("cn_a", "c1"));

        Assert.Equal(50, saved.Stored);
        Assert.Equal(1, transactions);
        Assert.Equal(100, rows.Count);
        Assert.Equal(50, rows.Count(r => r.RowKey.StartsWith(MessageStore.IdentityPrefix, StringComparison.Ordinal)));
        Assert.Equal("tin nhắn 7 <&>", (await store.GetAsync("cn_a", "c1", "m_00007", CancellationToken.None))!.Text);
    }

    [Fact]
    public async Task SaveAsync_FiftyOneMessages_SplitIntoTransactionsOfAtMostOneHundred()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var store = new MessageStore(storage.Tables, storage.Names);

        await store.SaveAsync("cn_a", "c1", StoreHarness.Messages(51), partitionIsNew: true, writer: null, CancellationToken.None);

        Assert.Equal(2, storage.Requests.Transactions);
        Assert.Equal(102, (await storage.RowsAsync(StorageNames.MessagesTable, MessageStore.Partition("cn_a", "c1"))).Count);
    }

    /// <summary>The stored-ids check reads every identity row of the conversation: 1,100 of them take continuation pages.</summary>
    [Fact]
    public async Task SaveAsync_OverOneThousandStored_ContinuationFindsEveryKnownId()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var store = new MessageStore(storage.Tables, storage.Names);
        await store.SaveAsync("cn_a", "c1", StoreHarness.Messages(1100), partitionIsNew: true, writer: null, CancellationToken.None);
        storage.Requests.Clear();

        var fresh = await store.SaveAsync("cn_a", "c1", StoreHarness.Messages(1101), partitionIsNew: false, writer: null, CancellationToken.None);

        Assert.Equal(1, fresh.Stored);
        Assert.True(storage.Requests.ContinuationPages >= 1, "the identity rows were read past the first page");
        Assert.Equal(2202, (await storage.RowsAsync(StorageNames.MessagesTable, MessageStore.Partition("cn_a", "c1"))).Count);
    }

    /// <summary>
    /// The same webhook delivered several times at once: every writer finds the message missing, but only one may count
    /// it as new (the identity row is inserted; the losers' transactions fail whole and are retried without it).
    /// </summary>
    [Fact]
    public async Task SaveAsync_SameMessagesFromConcurrentWriters_EachCountedNewOnce()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var store = new MessageStore(storage.Tables, storage.Names);
        var single = StoreHarness.Messages(1);
        var page = StoreHarness.Messages(60, from: 100);

        var singles = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.SaveAsync("cn_a", "c1", single, partitionIsNew: false, writer: null, CancellationToken.None)));
        var pages = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.SaveAsync("cn_a", "c1", page, partitionIsNew: false, writer: null, CancellationToken.None)));

        Assert.Equal(1, singles.Sum(s => s.Stored));
        Assert.Equal(60, pages.Sum(s => s.Stored));
        Assert.Equal(122, (await storage.RowsAsync(StorageNames.MessagesTable, MessageStore.Partition("cn_a", "c1"))).Count);
    }

    [Fact]
    public async Task ListAsync_NewestFirst_CursorPagesThroughAll()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var store = new MessageStore(storage.Tables, storage.Names);
        await store.SaveAsync("cn_a", "c1", StoreHarness.Messages(45), partitionIsNew: true, writer: null, CancellationToken.None);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var (items, next) = await store.ListAsync("cn_a", "c1", 20, cursor, CancellationToken.None);
            seen.AddRange(items.Select(m => m.ExternalId));
            cursor = next;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(0, 45).Reverse().Select(i => $"m_{i:D5}"), seen);
    }
}
