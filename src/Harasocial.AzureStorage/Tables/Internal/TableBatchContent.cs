using System.Text;
using Azure.Core;

namespace Harasocial.AzureStorage;

/// <summary>
/// Writes the <c>multipart/mixed</c> body of a <c>$batch</c>: one changeset holding one HTTP request per action,
/// lines ending in CRLF (https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions#sample-transaction-request).
/// </summary>
internal sealed class TableBatchContent(string baseAddress, string tableName, IReadOnlyList<TableTransactionAction> actions)
{
    private readonly string tableUrl = baseAddress + "/" + Uri.EscapeDataString(tableName);
    private readonly string batchBoundary = "batch_" + Guid.NewGuid().ToString("N");
    private readonly string changesetBoundary = "changeset_" + Guid.NewGuid().ToString("N");

    public string ContentType => "multipart/mixed; boundary=" + batchBoundary;

    public BinaryData Build()
    {
        var body = new StringBuilder(256 * actions.Count);
        body.Append("--").Append(batchBoundary).Append("\r\n")
            .Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");
        for (var i = 0; i < actions.Count; i++)
        {
            AppendAction(body, actions[i], i);
        }

        body.Append("--").Append(changesetBoundary).Append("--\r\n")
            .Append("--").Append(batchBoundary).Append("--\r\n");
        return BinaryData.FromString(body.ToString());
    }

    private void AppendAction(StringBuilder body, TableTransactionAction action, int index)
    {
        var entity = action.Entity;
        var entityUrl = baseAddress + "/" + TableKeys.EntityPath(tableName, entity.PartitionKey, entity.RowKey);
        var (method, url, ifMatch, withBody) = action.ActionType switch
        {
            TableTransactionActionType.Add => (RequestMethod.Post.Method, tableUrl, null, true),
            TableTransactionActionType.UpdateMerge => ("MERGE", entityUrl, TableClient.IfMatchValue(action.ETag), true),
            TableTransactionActionType.UpdateReplace => (RequestMethod.Put.Method, entityUrl, TableClient.IfMatchValue(action.ETag), true),
            TableTransactionActionType.Delete => (RequestMethod.Delete.Method, entityUrl, TableClient.IfMatchValue(action.ETag), false),
            TableTransactionActionType.UpsertMerge => ("MERGE", entityUrl, (string?)null, true),
            TableTransactionActionType.UpsertReplace => (RequestMethod.Put.Method, entityUrl, null, true),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown transaction action type."),
        };

        body.Append("--").Append(changesetBoundary).Append("\r\n")
            .Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
            .Append(method).Append(' ').Append(url).Append(" HTTP/1.1\r\n")
            .Append("Content-ID: ").Append(index + 1).Append("\r\n")
            .Append("Accept: ").Append(TableConstants.Accept).Append("\r\n")
            .Append("DataServiceVersion: 3.0\r\n");
        if (ifMatch is not null)
        {
            body.Append("If-Match: ").Append(ifMatch).Append("\r\n");
        }

        if (withBody)
        {
            body.Append("Content-Type: ").Append(TableConstants.ContentType).Append("\r\n")
                .Append("Prefer: return-no-content\r\n\r\n")
                .Append(EntityJsonWriter.Serialize(entity).ToString()).Append("\r\n");
        }
        else
        {
            body.Append("\r\n");
        }
    }
}
