using Harasocial.Sync.Connections;
using Harasocial.Functions.IntegrationTests.Storage;
using Harasocial.Sync.Storage;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Connections;

[Collection(AzuriteCollection.Name)]
public sealed class ConnectionPurgerTests(AzuriteFixture azurite)
{
    /// <summary>A conversation of 1,100 messages is 2,200 rows: the purge reads them over continuation pages and deletes all.</summary>
    [Fact]
    public async Task PurgeAsync_ConversationWithOverOneThousandRows_EveryRowDeleted()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var connections = new ConnectionStore(storage.Tables, storage.Names);
        var connection = new ConnectionEntity { PartitionKey = "tenant", RowKey = "cn_1", Channel = "zalo", ExternalId = "oa-1", AccessToken = "sealed" };
        Assert.True(await connections.TryCreateAsync(connection, CancellationToken.None));
        await new ConversationStore(storage.Tables, storage.Names).SaveAsync("cn_1", ["c1"], (old, _) => old ?? new ConversationEntity(), CancellationToken.None);
        await new MessageStore(storage.Tables, storage.Names).SaveAsync("cn_1", "c1", StoreHarness.Messages(1100), partitionIsNew: true, writer: null, CancellationToken.None);
        storage.Requests.Clear();

        await new ConnectionPurger(storage.Tables, storage.Names, connections).PurgeAsync(connection, CancellationToken.None);

        Assert.True(storage.Requests.ContinuationPages >= 1, "the message rows were read past the first page");
        Assert.Empty(await storage.RowsAsync(StorageNames.MessagesTable, MessageStore.Partition("cn_1", "c1")));
        Assert.Empty(await storage.RowsAsync(StorageNames.ConversationsTable, "cn_1"));
        Assert.Null(await connections.GetAsync("tenant", "cn_1", CancellationToken.None));
    }
}
