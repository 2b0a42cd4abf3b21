using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;

namespace Harasocial.Sync.Storage;

/// <summary>The app's table and queue service clients: every storage call goes through these two.</summary>
internal sealed record StorageClients(TableServiceClient Tables, QueueServiceClient Queues);

/// <summary>
/// The one place that builds the storage clients (Azure.Data.Tables, Azure.Storage.Queues) from
/// <see cref="StorageSettings"/>: a connection string, or the service URIs with a managed identity
/// (<see cref="ManagedIdentityCredential"/>) or, without <c>__credential</c>, <see cref="DefaultAzureCredential"/>.
/// </summary>
internal static class StorageClientFactory
{
    /// <summary>
    /// Queue messages are base64, what the Functions queue trigger reads and writes unless host.json says otherwise
    /// (host.json <c>extensions.queues.messageEncoding</c>, https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue#host-json),
    /// so a message written under either host is read back the same by the other.
    /// </summary>
    public const QueueMessageEncoding MessageEncoding = QueueMessageEncoding.Base64;

    public static StorageClients Create(IConfiguration configuration, ILogger logger) => Create(StorageSettings.Read(configuration), logger);

    /// <param name="settings">where storage is and how to sign in.</param>
    /// <param name="logger">for messages moved to a poison queue because they are not base64.</param>
    /// <param name="credential">the token credential for identity-based settings; null: the one the settings name.</param>
    /// <param name="configure">pipeline options (transport, retries) applied to both services; for tests.</param>
    public static StorageClients Create(StorageSettings settings, ILogger logger, TokenCredential? credential = null, Action<ClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var tableOptions = Configure(new TableClientOptions(), configure);
        var queueOptions = Configure(new QueueClientOptions { MessageEncoding = MessageEncoding }, configure);

        // Moves undecodable messages as they are: a client that does not decode.
        var rawOptions = Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }, configure);
        if (settings.ConnectionString is { } connectionString)
        {
            queueOptions.MessageDecodingFailed += UndecodableMessages.MoveToPoison(new QueueServiceClient(connectionString, rawOptions), logger);
            return new StorageClients(new TableServiceClient(connectionString, tableOptions), new QueueServiceClient(connectionString, queueOptions));
        }

        if (settings is not { TableServiceUri: { } tableUri, QueueServiceUri: { } queueUri })
        {
            throw new ArgumentException("Storage settings need a connection string or both service URIs.", nameof(settings));
        }

        credential ??= CreateCredential(settings);
        queueOptions.MessageDecodingFailed += UndecodableMessages.MoveToPoison(new QueueServiceClient(queueUri, credential, rawOptions), logger);
        return new StorageClients(new TableServiceClient(tableUri, credential, tableOptions), new QueueServiceClient(queueUri, credential, queueOptions));
    }

    /// <summary>The credential identity-based settings name (the Functions host's rules for <c>__credential</c> and <c>__clientId</c>).</summary>
    public static TokenCredential CreateCredential(StorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.ManagedIdentity
            ? new ManagedIdentityCredential(settings.ClientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(settings.ClientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = settings.ClientId });
    }

    /// <summary>
    /// The size of a message on the queue: base64 turns every 3 bytes of UTF-8 into 4 characters, and the service's
    /// 64 KiB limit (<see cref="QueueClient.MessageMaxBytes"/>) applies to that text, so it holds 48 KiB of raw bytes.
    /// </summary>
    public static long EncodedLength(long utf8Bytes) => 4 * ((utf8Bytes + 2) / 3);

    private static T Configure<T>(T options, Action<ClientOptions>? configure)
        where T : ClientOptions
    {
        configure?.Invoke(options);
        return options;
    }
}
