namespace Harasocial.AzureStorage;

/// <summary>
/// Parses Azure Storage connection strings: <c>UseDevelopmentStorage=true</c> and account-key strings.
/// See https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string.
/// </summary>
public sealed class StorageConnectionString
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    // The published Azurite/emulator key; it is public by design.
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnectionString(StorageSharedKeyCredential credential, Uri tableEndpoint, Uri queueEndpoint)
    {
        Credential = credential;
        TableEndpoint = tableEndpoint;
        QueueEndpoint = queueEndpoint;
    }

    public StorageSharedKeyCredential Credential { get; }

    public string AccountName => Credential.AccountName;

    public Uri TableEndpoint { get; }

    public Uri QueueEndpoint { get; }

    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = ParseSettings(connectionString);
        if (settings.TryGetValue("UseDevelopmentStorage", out var dev))
        {
            if (!string.Equals(dev, "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException("UseDevelopmentStorage must be 'true'.");
            }

            // Azurite's default ports, path-style (account name in the path).
            return new StorageConnectionString(
                new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey),
                new Uri($"http://127.0.0.1:10002/{DevelopmentAccountName}"),
                new Uri($"http://127.0.0.1:10001/{DevelopmentAccountName}"));
        }

        var name = Require(settings, "AccountName");
        var key = Require(settings, "AccountKey");
        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (protocol is not ("http" or "https"))
        {
            throw new FormatException($"DefaultEndpointsProtocol must be http or https, not '{protocol}'.");
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return new StorageConnectionString(
            new StorageSharedKeyCredential(name, key),
            Endpoint(settings, "TableEndpoint", $"{protocol}://{name}.table.{suffix}"),
            Endpoint(settings, "QueueEndpoint", $"{protocol}://{name}.queue.{suffix}"));
    }

    private static Dictionary<string, string> ParseSettings(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                // The segment itself is not echoed: it may be part of a key.
                throw new FormatException("The connection string has a segment that is not a key=value pair.");
            }

            settings[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }

        if (settings.Count == 0)
        {
            throw new FormatException("The connection string is empty.");
        }

        return settings;
    }

    private static string Require(Dictionary<string, string> settings, string key) =>
        settings.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The connection string has no {key} (only account-key strings and UseDevelopmentStorage=true are supported).");

    private static Uri Endpoint(Dictionary<string, string> settings, string key, string fallback)
    {
        var text = settings.GetValueOrDefault(key, fallback);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException($"{key} '{text}' is not an absolute http(s) URI.");
    }
}
