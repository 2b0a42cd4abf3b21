using Azure;

namespace Harasocial.AzureStorage;

/// <summary>One operation of an entity-group transaction; <see cref="ETag"/> defaults to "*" for updates and deletes.</summary>
public sealed class TableTransactionAction(TableTransactionActionType actionType, ITableEntity entity, ETag etag = default)
{
    public TableTransactionActionType ActionType { get; } = actionType;

    public ITableEntity Entity { get; } = entity ?? throw new ArgumentNullException(nameof(entity));

    public ETag ETag { get; } = etag;
}
