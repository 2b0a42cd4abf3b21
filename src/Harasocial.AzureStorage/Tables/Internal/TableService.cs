using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Harasocial.AzureStorage;

/// <summary>
/// Table lifecycle requests shared by <see cref="TableServiceClient"/> and <see cref="TableClient"/>
/// (https://learn.microsoft.com/rest/api/storageservices/create-table, .../delete-table).
/// </summary>
internal static class TableService
{
    public static async Task<Response> CreateTableAsync(HttpPipeline pipeline, string baseAddress, string name, CancellationToken ct)
    {
        TableKeys.ValidateTableName(name);
        using var message = StorageRequests.Create(pipeline, RequestMethod.Post, baseAddress + "/Tables");
        message.Request.Headers.SetValue("Accept", TableConstants.Accept);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        message.Request.Headers.SetValue("Content-Type", TableConstants.ContentType);
        var body = new System.Buffers.ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("TableName", name);
            writer.WriteEndObject();
        }

        message.Request.Content = RequestContent.Create(body.WrittenMemory);

        // 409 TableAlreadyExists is the "if not exists" case; anything else fails.
        return await StorageRequests.SendAllowingAsync(pipeline, message, 409, ct).ConfigureAwait(false);
    }

    /// <summary>Deletes a table; a missing table is not an error (as in Azure.Data.Tables).</summary>
    public static async Task<Response> DeleteTableAsync(HttpPipeline pipeline, string baseAddress, string name, CancellationToken ct)
    {
        TableKeys.ValidateTableName(name);
        var url = baseAddress + "/Tables('" + Uri.EscapeDataString(name.Replace("'", "''", StringComparison.Ordinal)) + "')";
        using var message = StorageRequests.Create(pipeline, RequestMethod.Delete, url);
        message.Request.Headers.SetValue("Accept", TableConstants.Accept);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        return await StorageRequests.SendAllowingAsync(pipeline, message, 404, ct).ConfigureAwait(false);
    }
}
