using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Harasocial.Sync.Storage;
using Harasocial.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harasocial.Functions.IntegrationTests.Storage;

/// <summary>
/// The identity-based path end to end: the settings a Functions app in Azure has (service URIs, managed identity),
/// with a stand-in token credential, against an Azurite that accepts bearer tokens over HTTPS only (--oauth basic).
/// </summary>
public sealed class StorageClientFactoryTests : IAsyncLifetime
{
    private AzuriteFixture azurite = null!;

    public Task InitializeAsync()
    {
        azurite = AzuriteFixture.StartWithOAuth();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await azurite.DisposeAsync();

    [Fact]
    public async Task IdentitySettings_TokenCredential_TablesAndQueuesWorkWithBearerTokens()
    {
        var credential = new FakeTokenCredential(TimeSpan.FromHours(1));
        var clients = Create(credential);
        var table = clients.Tables.GetTableClient(azurite.UniqueName("identity"));
        var queue = clients.Queues.GetQueueClient(azurite.UniqueName("identity"));

        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Text"] = "över https" });
        var row = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("Tiệm Hoa Mai");
        var message = Assert.Single((await queue.ReceiveMessagesAsync(1)).Value);

        Assert.Equal(azurite.TableEndpoint, clients.Tables.Uri);
        Assert.Equal(azurite.QueueEndpoint, clients.Queues.Uri);
        Assert.Equal("över https", row.GetString("Text"));
        Assert.Equal("Tiệm Hoa Mai", message.Body.ToString());
        Assert.Contains("https://storage.azure.com/.default", credential.Scopes);
    }

    [Fact]
    public async Task IdentitySettings_ExpiredToken_RequestsRejected()
    {
        var clients = Create(new FakeTokenCredential(TimeSpan.FromHours(-1)));

        var tables = await Assert.ThrowsAsync<RequestFailedException>(() => clients.Tables.CreateTableIfNotExistsAsync(azurite.UniqueName("expired")));
        var queues = await Assert.ThrowsAsync<RequestFailedException>(() => clients.Queues.GetQueueClient(azurite.UniqueName("expired")).CreateIfNotExistsAsync());

        Assert.Equal(403, tables.Status);
        Assert.Equal(403, queues.Status);
    }

    /// <summary>The app's settings in Azure (AzureWebJobsStorage__*), pointed at this Azurite, through the factory.</summary>
    private StorageClients Create(TokenCredential credential)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:tableServiceUri"] = azurite.TableEndpoint.ToString(),
            ["AzureWebJobsStorage:queueServiceUri"] = azurite.QueueEndpoint.ToString(),
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-0000000000aa",
        }).Build();
        var settings = StorageSettings.Read(configuration);
        Assert.True(settings.ManagedIdentity);
        return StorageClientFactory.Create(settings, NullLogger.Instance, credential, options =>
        {
            options.Transport = new HttpClientTransport(azurite.Tls!.TrustingHandler());
            options.Retry.MaxRetries = 0;
        });
    }
}
