namespace Harasocial.Sync.Storage;

/// <summary>
/// Where the storage account is and how to sign in, read from <c>AzureWebJobsStorage</c> the way the Functions host
/// reads it (https://learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity):
/// a connection string (<c>UseDevelopmentStorage=true</c> means Azurite), or identity-based settings
/// <c>AzureWebJobsStorage__tableServiceUri</c> and <c>__queueServiceUri</c> (or <c>__accountName</c>),
/// <c>__credential=managedidentity</c> and <c>__clientId</c> for a user-assigned identity.
/// </summary>
internal sealed record StorageSettings(string? ConnectionString, Uri? TableServiceUri, Uri? QueueServiceUri, bool ManagedIdentity, string? ClientId, Uri? BlobServiceUri = null)
{
    public const string Setting = "AzureWebJobsStorage";

    public static StorageSettings FromConnectionString(string connectionString) => new(connectionString, null, null, false, null);

    /// <summary>Reads and checks the settings; a missing or half-configured connection fails here, at start.</summary>
    public static StorageSettings Read(IConfiguration configuration)
    {
        if (configuration[Setting] is { } connectionString && !string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(connectionString);
        }

        var section = configuration.GetSection(Setting);
        var account = section["accountName"];
        var tables = ServiceUri(section, "tableServiceUri", account, "table");
        var queues = ServiceUri(section, "queueServiceUri", account, "queue");
        if (tables is null || queues is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {Setting} to a connection string (UseDevelopmentStorage=true for Azurite), " +
                $"or {Setting}__tableServiceUri and {Setting}__queueServiceUri (or {Setting}__accountName) with {Setting}__credential=managedidentity.");
        }

        var credential = section["credential"];
        var managedIdentity = string.Equals(credential, "managedidentity", StringComparison.OrdinalIgnoreCase);
        if (!managedIdentity && !string.IsNullOrWhiteSpace(credential))
        {
            throw new InvalidOperationException($"{Setting}__credential must be 'managedidentity' or unset (DefaultAzureCredential), not '{credential}'.");
        }

        var clientId = section["clientId"];

        // Blobs: only the Durable task hub uses them (its partition leases and large messages), as under Functions.
        var blobs = ServiceUri(section, "blobServiceUri", account, "blob");
        return new StorageSettings(null, tables, queues, managedIdentity, string.IsNullOrWhiteSpace(clientId) ? null : clientId, blobs);
    }

    private static Uri? ServiceUri(IConfigurationSection section, string key, string? account, string service)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            // The host builds the public-cloud endpoint from the account name when no URI is given.
            text = string.IsNullOrWhiteSpace(account) ? null : $"https://{account}.{service}.core.windows.net";
        }

        if (text is null)
        {
            return null;
        }

        // Bearer tokens travel over TLS only (Azure.Core refuses them on http).
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw new InvalidOperationException($"{Setting}__{key} must be an absolute https URI, not '{text}'.");
    }
}
