using Azure.Identity;
using Harasocial.Sync.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harasocial.Functions.Tests.Storage;

/// <summary>AzureWebJobsStorage read the way the Functions host reads it, and the clients the factory builds from it.</summary>
public sealed class StorageSettingsTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void Read_DevelopmentStorage_ClientsPointAtAzuriteDefaults()
    {
        var settings = StorageSettings.Read(Config(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }));

        var clients = StorageClientFactory.Create(settings, NullLogger.Instance);

        Assert.Equal("UseDevelopmentStorage=true", settings.ConnectionString);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), clients.Tables.Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), clients.Queues.Uri);
        Assert.Equal("devstoreaccount1", clients.Tables.AccountName);
    }

    [Fact]
    public void Read_ExplicitConnectionString_ClientsUseItsEndpoints()
    {
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
            "TableEndpoint=http://127.0.0.1:20002/devstoreaccount1;QueueEndpoint=http://127.0.0.1:20001/devstoreaccount1;";

        var clients = StorageClientFactory.Create(StorageSettings.Read(Config(new() { ["AzureWebJobsStorage"] = connection })), NullLogger.Instance);

        Assert.Equal(new Uri("http://127.0.0.1:20002/devstoreaccount1"), clients.Tables.Uri);
        Assert.Equal(new Uri("http://127.0.0.1:20001/devstoreaccount1"), clients.Queues.Uri);
    }

    [Fact]
    public void Read_AccountKeyConnectionString_ClientsUsePublicEndpoints()
    {
        var clients = StorageClientFactory.Create(
            StorageSettings.Read(Config(new() { ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=https;AccountName=harasocial;AccountKey={Key};EndpointSuffix=core.windows.net" })),
            NullLogger.Instance);

        Assert.Equal(new Uri("https://harasocial.table.core.windows.net/"), clients.Tables.Uri);
        Assert.Equal(new Uri("https://harasocial.queue.core.windows.net/"), clients.Queues.Uri);
    }

    [Fact]
    public void Read_ServiceUrisWithManagedIdentity_IdentityPathWithUserAssignedClientId()
    {
        var settings = StorageSettings.Read(Config(new()
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "https://harasocial.table.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://harasocial.queue.core.windows.net",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "11111111-2222-3333-4444-555555555555",
        }));

        var clients = StorageClientFactory.Create(settings, NullLogger.Instance);

        Assert.Null(settings.ConnectionString);
        Assert.True(settings.ManagedIdentity);
        Assert.Equal("11111111-2222-3333-4444-555555555555", settings.ClientId);
        Assert.IsType<ManagedIdentityCredential>(StorageClientFactory.CreateCredential(settings));
        Assert.Equal(new Uri("https://harasocial.table.core.windows.net"), clients.Tables.Uri);
        Assert.Equal(new Uri("https://harasocial.queue.core.windows.net"), clients.Queues.Uri);
    }

    [Fact]
    public void Read_AccountNameOnly_PublicCloudUrisAndDefaultAzureCredential()
    {
        var settings = StorageSettings.Read(Config(new() { ["AzureWebJobsStorage:accountName"] = "harasocial" }));

        Assert.Equal(new Uri("https://harasocial.table.core.windows.net"), settings.TableServiceUri);
        Assert.Equal(new Uri("https://harasocial.queue.core.windows.net"), settings.QueueServiceUri);
        Assert.False(settings.ManagedIdentity);
        Assert.Null(settings.ClientId);
        Assert.IsType<DefaultAzureCredential>(StorageClientFactory.CreateCredential(settings));
    }

    [Fact]
    public void Read_ConnectionStringAndIdentitySettings_ConnectionStringWins()
    {
        var settings = StorageSettings.Read(Config(new()
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://harasocial.table.core.windows.net",
        }));

        Assert.Equal("UseDevelopmentStorage=true", settings.ConnectionString);
        Assert.Null(settings.TableServiceUri);
    }

    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData("https://a.table.core.windows.net", null, null, null)]
    [InlineData(null, "https://a.queue.core.windows.net", null, null)]
    [InlineData("http://a.table.core.windows.net", "https://a.queue.core.windows.net", null, null)]
    [InlineData("not a uri", "https://a.queue.core.windows.net", null, null)]
    [InlineData("https://a.table.core.windows.net", "https://a.queue.core.windows.net", "clientsecret", null)]
    [InlineData(null, null, "managedidentity", "   ")]
    public void Read_MissingOrBadIdentitySettings_FailsAtStartWithTheSettingNamed(string? tableUri, string? queueUri, string? credential, string? connectionString)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageSettings.Read(Config(new()
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["AzureWebJobsStorage:tableServiceUri"] = tableUri,
            ["AzureWebJobsStorage:queueServiceUri"] = queueUri,
            ["AzureWebJobsStorage:credential"] = credential,
        })));

        Assert.Contains("AzureWebJobsStorage", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 4)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(49152, 65536)]
    [InlineData(49153, 65540)]
    public void EncodedLength_Base64_FourCharactersPerThreeBytes(long bytes, long encoded) =>
        Assert.Equal(encoded, StorageClientFactory.EncodedLength(bytes));

    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
