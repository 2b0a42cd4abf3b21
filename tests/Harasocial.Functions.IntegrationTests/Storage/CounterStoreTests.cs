using Harasocial.Functions.Storage;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class CounterStoreTests(AzuriteFixture azurite)
{
    /// <summary>Concurrent webhook counts meet on the same shards: the ETag conflicts are retried and nothing is lost.</summary>
    [Fact]
    public async Task AddAsync_ConcurrentWriters_SumExact()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var store = new CounterStore(storage.Tables, storage.Names);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => store.AddAsync("cn_1", i % 2, 3, CancellationToken.None)));

        Assert.Equal((20, 120L), await store.SumAsync("cn_1", CancellationToken.None));
    }
}
