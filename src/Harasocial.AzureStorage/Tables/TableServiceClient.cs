using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Harasocial.AzureStorage;

/// <summary>The Table service of one account; holds the one pipeline all its <see cref="TableClient"/>s share.</summary>
public sealed class TableServiceClient
{
    private readonly HttpPipeline pipeline;
    private readonly string baseAddress;

    public TableServiceClient(string connectionString, StorageClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), options)
    {
    }

    public TableServiceClient(Uri endpoint, TokenCredential credential, StorageClientOptions? options = null)
        : this(endpoint, StoragePipeline.Token(credential ?? throw new ArgumentNullException(nameof(credential))), options)
    {
    }

    public TableServiceClient(Uri endpoint, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
        : this(endpoint, StoragePipeline.SharedKey(credential ?? throw new ArgumentNullException(nameof(credential)), tableService: true), options)
    {
    }

    private TableServiceClient(StorageConnectionString connection, StorageClientOptions? options)
        : this(connection.TableEndpoint, connection.Credential, options)
    {
    }

    private TableServiceClient(Uri endpoint, HttpPipelinePolicy authentication, StorageClientOptions? options)
    {
        baseAddress = StoragePipeline.BaseAddress(endpoint);
        Uri = endpoint;
        pipeline = StoragePipeline.Build(options, authentication);
    }

    public Uri Uri { get; }

    public TableClient GetTableClient(string tableName) => new(pipeline, baseAddress, tableName);

    public Task<Response> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        TableService.CreateTableAsync(pipeline, baseAddress, tableName, cancellationToken);

    public Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        TableService.DeleteTableAsync(pipeline, baseAddress, tableName, cancellationToken);
}
