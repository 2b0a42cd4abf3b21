using Azure.Core;
using Azure.Identity;
using Harasocial.AzureStorage;

namespace Harasocial.Functions.Storage;

/// <summary>
/// Builds the table and queue clients from <c>AzureWebJobsStorage</c> the way the Functions host reads it:
/// a connection string (<c>UseDevelopmentStorage=true</c> means Azurite), or identity-based settings
/// <c>AzureWebJobsStorage__tableServiceUri</c>, <c>__queueServiceUri</c>, <c>__credential=managedidentity</c>, <c>__clientId</c>.
/// </summary>
internal sealed record StorageClients(TableServiceClient Tables, QueueServiceClient Queues, StorageSettings Settings);

/// <summary>The storage account as configured: a connection string, or service URIs with a credential.</summary>
internal sealed record StorageSettings(string? ConnectionString, Uri? BlobUri, Uri? QueueUri, Uri? TableUri, TokenCredential? Credential)
{
    /// <summary>The same account for the Durable Task Azure Storage backend (tables, queues, and blobs for its leases).</summary>
    public DurableTask.AzureStorage.StorageAccountClientProvider DurableProvider() =>
        ConnectionString is not null
            ? new DurableTask.AzureStorage.StorageAccountClientProvider(ConnectionString)
            : new DurableTask.AzureStorage.StorageAccountClientProvider(
                BlobUri ?? throw new InvalidOperationException($"Durable needs {StorageConnectionFactory.Setting}__blobServiceUri (its partition leases are blobs)."),
                QueueUri!,
                TableUri!,
                Credential!);
}

internal static class StorageConnectionFactory
{
    public const string Setting = "AzureWebJobsStorage";

    public static StorageClients Create(IConfiguration configuration)
    {
        var connectionString = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageClients(new TableServiceClient(connectionString), new QueueServiceClient(connectionString), new StorageSettings(connectionString, null, null, null, null));
        }

        var section = configuration.GetSection(Setting);
        var tableUri = section["tableServiceUri"];
        var queueUri = section["queueServiceUri"];
        var account = section["accountName"];
        if (string.IsNullOrWhiteSpace(tableUri) && !string.IsNullOrWhiteSpace(account))
        {
            tableUri = $"https://{account}.table.core.windows.net";
        }

        if (string.IsNullOrWhiteSpace(queueUri) && !string.IsNullOrWhiteSpace(account))
        {
            queueUri = $"https://{account}.queue.core.windows.net";
        }

        if (string.IsNullOrWhiteSpace(tableUri) || string.IsNullOrWhiteSpace(queueUri))
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {Setting} to a connection string (UseDevelopmentStorage=true for Azurite), " +
                $"or {Setting}__tableServiceUri and {Setting}__queueServiceUri with {Setting}__credential=managedidentity.");
        }

        var blobUri = section["blobServiceUri"] ?? (string.IsNullOrWhiteSpace(account) ? null : $"https://{account}.blob.core.windows.net");
        var credential = CreateCredential(section);
        var settings = new StorageSettings(null, blobUri is null ? null : new Uri(blobUri), new Uri(queueUri), new Uri(tableUri), credential);
        return new StorageClients(new TableServiceClient(new Uri(tableUri), credential), new QueueServiceClient(new Uri(queueUri), credential), settings);
    }

    private static TokenCredential CreateCredential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        return string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
    }
}
