using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Harasocial.Sync.Storage;
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

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => store.AddAsync("cn_1", $"op_{i}", i % 2, 3, CancellationToken.None)));

        Assert.Equal(new WebhookCounts(20, 120L), await store.SumAsync("cn_1", CancellationToken.None));
    }

    [Fact]
    public async Task Add_AnswerLostAndRequestRetried_CountedOnce()
    {
        var options = new TableClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var lose = new LoseFirstAnswer();
        options.AddPolicy(lose, HttpPipelinePosition.PerRetry);
        var names = new StorageNames(azurite.UniqueName(string.Empty));
        var tables = new TableServiceClient(azurite.ConnectionString, options);
        await tables.GetTableClient(names.Table(StorageNames.CountersTable)).CreateIfNotExistsAsync();
        var counters = new CounterStore(tables, names);

        foreach (var i in Enumerable.Range(0, 40))
        {
            await counters.AddAsync("cn_1", $"m_{i}", i % 4 == 0 ? 1 : 0, 1, CancellationToken.None);
        }

        await counters.AddAsync("cn_1", "m_7", 0, 1, CancellationToken.None); // the same operation again: already counted

        Assert.True(lose.Lost >= 40, $"{lose.Lost} answers lost");
        Assert.Equal(new WebhookCounts(10, 40L), await counters.SumAsync("cn_1", CancellationToken.None));
    }

    /// <summary>Lets every counter write reach storage, then loses its first answer, as a dropped connection would:
    /// the client's retry policy sends the applied request again.</summary>
    private sealed class LoseFirstAnswer : HttpPipelinePolicy
    {
        private int lost;

        public int Lost => lost;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The storage client is async only.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            var write = message.Request.Method == RequestMethod.Put || message.Request.Method == RequestMethod.Post;
            if (write && message.Request.Uri.Path.Contains("counters", StringComparison.Ordinal) && !message.TryGetProperty("lost", out _))
            {
                message.SetProperty("lost", true);
                Interlocked.Increment(ref lost);
                throw new IOException("The answer was lost.");
            }
        }
    }
}
