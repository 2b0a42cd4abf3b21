using Azure;

namespace Harasocial.AzureStorage.Tests.Tables;

public enum Stage
{
    Queued,
    Running,
}

public sealed class JobEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? Name { get; set; }

    public int Count { get; set; }

    public string? Extra { get; set; }
}

public sealed class AllTypesEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? Text { get; set; }

    public int Int32Value { get; set; }

    public long Int64Value { get; set; }

    public double DoubleValue { get; set; }

    public double WholeDouble { get; set; }

    public bool Bool { get; set; }

    public DateTimeOffset Date { get; set; }

    public DateTime DateTime { get; set; }

    public Guid GuidValue { get; set; }

    public byte[]? Bytes { get; set; }

    public BinaryData? Data { get; set; }

    public int? NullableInt { get; set; }

    public long? NullableLong { get; set; }

    public Guid? NullableGuid { get; set; }

    public Stage Stage { get; set; }
}
