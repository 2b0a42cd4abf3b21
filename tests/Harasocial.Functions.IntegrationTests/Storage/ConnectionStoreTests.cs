using Harasocial.Sync.Channels;
using Harasocial.Sync.Storage;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class ConnectionStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TryReplaceAsync_StaleETag_FalseAndTheNewerWriteKept()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var store = new ConnectionStore(storage.Tables, storage.Names);
        Assert.True(await store.TryCreateAsync(Connection("cn_1", "page-1"), CancellationToken.None));
        var first = (await store.GetAsync("tenant", "cn_1", CancellationToken.None))!;
        var second = (await store.GetAsync("tenant", "cn_1", CancellationToken.None))!;

        second.Name = "second";
        var secondSaved = await store.TryReplaceAsync(second, CancellationToken.None);
        first.Name = "first";
        var firstSaved = await store.TryReplaceAsync(first, CancellationToken.None);

        Assert.True(secondSaved);
        Assert.False(firstSaved);
        Assert.Equal("second", (await store.GetAsync("tenant", "cn_1", CancellationToken.None))!.Name);
    }

    /// <summary>Read-change-write under the ETag, retried on conflicts: concurrent changes all land, none overwrites another.</summary>
    [Fact]
    public async Task MutateAsync_ConcurrentChanges_EveryChangeApplied()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var store = new ConnectionStore(storage.Tables, storage.Names);
        Assert.True(await store.TryCreateAsync(Connection("cn_1", "page-1"), CancellationToken.None));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.MutateAsync("tenant", "cn_1", c =>
        {
            c.ListedConversations++;
            return true;
        }, CancellationToken.None)));

        Assert.Equal(8, (await store.GetAsync("tenant", "cn_1", CancellationToken.None))!.ListedConversations);
    }

    [Fact]
    public async Task TryCreateAsync_AccountHeldByAnotherConnection_FalseAndNoSecondRow()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var store = new ConnectionStore(storage.Tables, storage.Names);

        var first = await store.TryCreateAsync(Connection("cn_1", "page/1?#"), CancellationToken.None);
        var second = await store.TryCreateAsync(Connection("cn_2", "page/1?#"), CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Null(await store.GetAsync("tenant", "cn_2", CancellationToken.None));
        Assert.Equal("cn_1", (await store.FindAccountAsync(ChannelKind.Facebook, "page/1?#", CancellationToken.None))!.ConnectionId);
    }

    [Fact]
    public async Task ReleaseAccountAsync_Twice_SecondIsANoOp()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var store = new ConnectionStore(storage.Tables, storage.Names);
        var connection = Connection("cn_1", "page-1");
        Assert.True(await store.TryCreateAsync(connection, CancellationToken.None));

        await store.ReleaseAccountAsync(connection, CancellationToken.None);
        await store.ReleaseAccountAsync(connection, CancellationToken.None);

        Assert.Null(await store.FindAccountAsync(ChannelKind.Facebook, "page-1", CancellationToken.None));
    }

    private static ConnectionEntity Connection(string id, string externalId) => new()
    {
        PartitionKey = "tenant",
        RowKey = id,
        Channel = "facebook",
        ExternalId = externalId,
        AccessToken = "sealed",
        CreatedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
    };
}
