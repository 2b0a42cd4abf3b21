using Azure;
using Azure.Core;

namespace Harasocial.AzureStorage;

/// <summary>
/// Entity-group transactions: up to 100 operations on one partition, all applied or none
/// (https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions).
/// </summary>
public sealed partial class TableClient
{
    public async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(
        IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionActions);
        var actions = transactionActions.ToList();
        Validate(actions);

        var batch = new TableBatchContent(baseAddress, Name, actions);
        using var message = CreateMessage(RequestMethod.Post, baseAddress + "/$batch");
        message.Request.Headers.SetValue("Content-Type", batch.ContentType);
        message.Request.Content = RequestContent.Create(batch.Build());
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        var parts = StorageRequests.IsSuccess(response.Status) ? TableBatchResponse.Parse(response) : null;
        var failed = parts?.FirstOrDefault(p => !StorageRequests.IsSuccess(p.Status));
        if (parts is null || failed is not null)
        {
            throw TableBatchResponse.Failure(failed ?? response);
        }

        return Response.FromValue<IReadOnlyList<Response>>(parts, response);
    }

    private static void Validate(List<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > TableConstants.MaxTransactionActions)
        {
            throw new ArgumentException(
                $"A table transaction needs 1 to {TableConstants.MaxTransactionActions} actions, not {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            TableKeys.Validate(action.Entity.PartitionKey, nameof(actions));
            TableKeys.Validate(action.Entity.RowKey, nameof(actions));
            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException("All actions of a table transaction must share one partition key.", nameof(actions));
            }

            if (!rowKeys.Add(action.Entity.RowKey))
            {
                throw new ArgumentException($"A table transaction may touch row '{action.Entity.RowKey}' only once.", nameof(actions));
            }
        }
    }
}
