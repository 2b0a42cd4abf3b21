using Azure.Data.Tables;
using Azure.Storage.Queues;
using Harasocial.Sync.Storage;
using Harasocial.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harasocial.Functions.IntegrationTests;

/// <summary>Storage clients for tests, built the way the app builds its own (so queue messages are base64 as the app's).</summary>
internal static class TestStorage
{
    public static StorageClients Clients(AzuriteFixture azurite) =>
        StorageClientFactory.Create(StorageSettings.FromConnectionString(azurite.ConnectionString), NullLogger.Instance);

    public static TableServiceClient Tables(AzuriteFixture azurite) => Clients(azurite).Tables;

    public static QueueServiceClient Queues(AzuriteFixture azurite) => Clients(azurite).Queues;
}
