using Azure;

namespace Harasocial.AzureStorage;

/// <summary>The system properties every table entity has (same shape as Azure.Data.Tables.ITableEntity).</summary>
public interface ITableEntity
{
    string PartitionKey { get; set; }

    string RowKey { get; set; }

    DateTimeOffset? Timestamp { get; set; }

    ETag ETag { get; set; }
}
