using Azure;

namespace Harasocial.AzureStorage;

/// <summary>The service rejected an entity-group transaction; none of its operations were applied.</summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    public TableTransactionFailedException(int status, string message, string? errorCode, int? failedTransactionActionIndex)
        : base(status, message, errorCode, null)
    {
        FailedTransactionActionIndex = failedTransactionActionIndex;
    }

    /// <summary>The index of the action the service blamed, when it said which one.</summary>
    public int? FailedTransactionActionIndex { get; }
}
