using Azure.Core;

namespace Harasocial.AzureStorage;

/// <summary>Pipeline options (retry, transport, diagnostics) for <see cref="TableServiceClient"/> and <see cref="QueueServiceClient"/>.</summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>The x-ms-version sent with every request; 2019-02-02 is the newest the Table service documents and supports messagettl=-1.</summary>
    public string ServiceVersion { get; set; } = "2019-02-02";
}
