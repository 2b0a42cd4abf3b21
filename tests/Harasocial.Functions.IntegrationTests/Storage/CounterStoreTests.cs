using Azure.Core;
using Azure.Core.Pipeline;
using Harasocial.AzureStorage;
using Harasocial.Functions.Storage;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class CounterStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Add_AnswerLostAndRequestRetried_CountedOnce()
    {
        var options = new StorageClientOptions();
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
        Assert.Equal((10, 40L), await counters.SumAsync("cn_1", CancellationToken.None));
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
