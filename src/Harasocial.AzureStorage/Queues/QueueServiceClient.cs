using Azure.Core;
using Azure.Core.Pipeline;

namespace Harasocial.AzureStorage;

/// <summary>The Queue service of one account; holds the one pipeline all its <see cref="QueueClient"/>s share.</summary>
public sealed class QueueServiceClient
{
    private readonly HttpPipeline pipeline;
    private readonly string baseAddress;

    public QueueServiceClient(string connectionString, StorageClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), options)
    {
    }

    public QueueServiceClient(Uri endpoint, TokenCredential credential, StorageClientOptions? options = null)
        : this(endpoint, StoragePipeline.Token(credential ?? throw new ArgumentNullException(nameof(credential))), options)
    {
    }

    public QueueServiceClient(Uri endpoint, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
        : this(endpoint, StoragePipeline.SharedKey(credential ?? throw new ArgumentNullException(nameof(credential)), tableService: false), options)
    {
    }

    private QueueServiceClient(StorageConnectionString connection, StorageClientOptions? options)
        : this(connection.QueueEndpoint, connection.Credential, options)
    {
    }

    private QueueServiceClient(Uri endpoint, HttpPipelinePolicy authentication, StorageClientOptions? options)
    {
        baseAddress = StoragePipeline.BaseAddress(endpoint);
        Uri = endpoint;
        pipeline = StoragePipeline.Build(options, authentication);
    }

    public Uri Uri { get; }

    public QueueClient GetQueueClient(string queueName) => new(pipeline, baseAddress, queueName);
}
