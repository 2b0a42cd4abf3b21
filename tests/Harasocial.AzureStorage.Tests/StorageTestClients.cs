using Azure.Core;
using Harasocial.Testing;

namespace Harasocial.AzureStorage.Tests;

/// <summary>Clients against the collection's Azurite, with short retries so a failure shows fast.</summary>
internal static class StorageTestClients
{
    public static StorageClientOptions Options()
    {
        var options = new StorageClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(50);
        options.Retry.Mode = RetryMode.Fixed;
        return options;
    }

    public static TableServiceClient Tables(AzuriteFixture azurite) => new(azurite.ConnectionString, Options());

    public static QueueServiceClient Queues(AzuriteFixture azurite) => new(azurite.ConnectionString, Options());

    public static async Task<TableClient> NewTableAsync(AzuriteFixture azurite)
    {
        var table = Tables(azurite).GetTableClient(azurite.UniqueName("tbl"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    public static async Task<QueueClient> NewQueueAsync(AzuriteFixture azurite)
    {
        var queue = Queues(azurite).GetQueueClient(azurite.UniqueName("q"));
        await queue.CreateIfNotExistsAsync();
        return queue;
    }
}
