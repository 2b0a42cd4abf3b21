using Azure;
using Azure.Core;

namespace Harasocial.AzureStorage;

/// <summary>
/// Entity writes. Merge uses the MERGE verb, Replace uses PUT; without If-Match they are upserts
/// (https://learn.microsoft.com/rest/api/storageservices/insert-or-merge-entity).
/// </summary>
public sealed partial class TableClient
{
    private static readonly RequestMethod Merge = new("MERGE");

    public async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableKeys.Validate(entity.PartitionKey, nameof(entity));
        TableKeys.Validate(entity.RowKey, nameof(entity));
        using var message = CreateMessage(RequestMethod.Post, TableUrl);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetBody(message, entity);
        return await StorageRequests.SendAsync(pipeline, message, cancellationToken).ConfigureAwait(false);
    }

    public Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        WriteAsync(entity, mode, ifMatch: null, cancellationToken);

    public Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        WriteAsync(entity, mode, IfMatchValue(ifMatch), cancellationToken);

    public async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, baseAddress + "/" + TableKeys.EntityPath(Name, partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", IfMatchValue(ifMatch));
        return await StorageRequests.SendAsync(pipeline, message, cancellationToken).ConfigureAwait(false);
    }

    internal static string IfMatchValue(ETag etag) => etag == default ? "*" : etag.ToString();

    internal static RequestMethod UpdateMethod(TableUpdateMode mode) => mode == TableUpdateMode.Replace ? RequestMethod.Put : Merge;

    private async Task<Response> WriteAsync<T>(T entity, TableUpdateMode mode, string? ifMatch, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        var url = baseAddress + "/" + TableKeys.EntityPath(Name, entity.PartitionKey, entity.RowKey);
        using var message = CreateMessage(UpdateMethod(mode), url);
        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue("If-Match", ifMatch);
        }

        SetBody(message, entity);
        return await StorageRequests.SendAsync(pipeline, message, cancellationToken).ConfigureAwait(false);
    }

    private static void SetBody(HttpMessage message, ITableEntity entity)
    {
        message.Request.Headers.SetValue("Content-Type", TableConstants.ContentType);
        message.Request.Content = RequestContent.Create(EntityJsonWriter.Serialize(entity));
    }
}
