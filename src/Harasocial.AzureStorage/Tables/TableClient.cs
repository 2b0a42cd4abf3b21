using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Harasocial.AzureStorage;

/// <summary>
/// One table: entity reads, queries, writes and transactions (names mirror Azure.Data.Tables.TableClient).
/// REST reference: https://learn.microsoft.com/rest/api/storageservices/table-service-rest-api.
/// </summary>
public sealed partial class TableClient
{
    private readonly HttpPipeline pipeline;
    private readonly string baseAddress;

    internal TableClient(HttpPipeline pipeline, string baseAddress, string tableName)
    {
        TableKeys.ValidateTableName(tableName);
        this.pipeline = pipeline;
        this.baseAddress = baseAddress;
        Name = tableName;
    }

    public string Name { get; }

    /// <summary>Builds a <c>$filter</c> where every interpolated value is a typed, escaped literal.</summary>
    public static string CreateQueryFilter(FormattableString filter) => TableQueryFilter.Create(filter);

    public async Task<Response> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        await TableService.CreateTableAsync(pipeline, baseAddress, Name, cancellationToken).ConfigureAwait(false);

    public async Task<Response> DeleteAsync(CancellationToken cancellationToken = default) =>
        await TableService.DeleteTableAsync(pipeline, baseAddress, Name, cancellationToken).ConfigureAwait(false);

    public async Task<Response<T>> GetEntityAsync<T>(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        using var message = CreateGetEntity(partitionKey, rowKey, select);
        var response = await StorageRequests.SendAsync(pipeline, message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(ReadEntity<T>(response), response);
    }

    public async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        using var message = CreateGetEntity(partitionKey, rowKey, select);
        var response = await StorageRequests.SendAllowingAsync(pipeline, message, 404, cancellationToken).ConfigureAwait(false);
        return new StorageNullableResponse<T>(response, response.Status == 404 ? null : ReadEntity<T>(response));
    }

    public AsyncPageable<T> QueryAsync<T>(
        string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new() =>
        new TableQueryPageable<T>(this, filter, maxPerPage, select is null ? null : string.Join(',', select), cancellationToken);

    internal HttpPipeline Pipeline => pipeline;

    internal string TableUrl => baseAddress + "/" + Uri.EscapeDataString(Name);

    internal HttpMessage CreateMessage(RequestMethod method, string url)
    {
        var message = StorageRequests.Create(pipeline, method, url);
        message.Request.Headers.SetValue("Accept", TableConstants.Accept);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        return message;
    }

    private HttpMessage CreateGetEntity(string partitionKey, string rowKey, IEnumerable<string>? select)
    {
        var url = baseAddress + "/" + TableKeys.EntityPath(Name, partitionKey, rowKey);
        if (select is not null)
        {
            url += "?$select=" + Uri.EscapeDataString(string.Join(',', select));
        }

        return CreateMessage(RequestMethod.Get, url);
    }

    private static T ReadEntity<T>(Response response)
        where T : class, ITableEntity, new()
    {
        using var doc = JsonDocument.Parse(response.Content);
        var etag = response.Headers.ETag ?? default;
        return EntityJsonReader.Read<T>(doc.RootElement, etag);
    }
}
