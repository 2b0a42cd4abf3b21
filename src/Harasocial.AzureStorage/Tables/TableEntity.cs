using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Azure;

namespace Harasocial.AzureStorage;

/// <summary>A schema-less entity: a property bag plus the system properties (like Azure.Data.Tables.TableEntity).</summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Name mirrors Azure.Data.Tables.")]
public sealed class TableEntity : IDictionary<string, object?>, ITableEntity
{
    private readonly Dictionary<string, object?> properties = new(StringComparer.Ordinal);

    public TableEntity()
    {
    }

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public TableEntity(IDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (key, value) in values)
        {
            properties[key] = value;
        }
    }

    public string PartitionKey
    {
        get => properties.GetValueOrDefault(TableConstants.PartitionKey) as string ?? string.Empty;
        set => properties[TableConstants.PartitionKey] = value;
    }

    public string RowKey
    {
        get => properties.GetValueOrDefault(TableConstants.RowKey) as string ?? string.Empty;
        set => properties[TableConstants.RowKey] = value;
    }

    public DateTimeOffset? Timestamp
    {
        get => GetDateTimeOffset(TableConstants.Timestamp);
        set => properties[TableConstants.Timestamp] = value;
    }

    public ETag ETag { get; set; }

    public int Count => properties.Count;

    public bool IsReadOnly => false;

    public ICollection<string> Keys => properties.Keys;

    public ICollection<object?> Values => properties.Values;

    public object? this[string key]
    {
        get => properties[key];
        set => properties[key] = value;
    }

    public string? GetString(string key) => Get(key) as string;

    public int? GetInt32(string key) => Get(key) is { } v ? (int?)EdmConvert.To(v, typeof(int)) : null;

    public long? GetInt64(string key) => Get(key) is { } v ? (long?)EdmConvert.To(v, typeof(long)) : null;

    public double? GetDouble(string key) => Get(key) is { } v ? (double?)EdmConvert.To(v, typeof(double)) : null;

    public bool? GetBoolean(string key) => Get(key) is { } v ? (bool?)EdmConvert.To(v, typeof(bool)) : null;

    public DateTimeOffset? GetDateTimeOffset(string key) => Get(key) is { } v ? (DateTimeOffset?)EdmConvert.To(v, typeof(DateTimeOffset)) : null;

    public Guid? GetGuid(string key) => Get(key) is { } v ? (Guid?)EdmConvert.To(v, typeof(Guid)) : null;

    public BinaryData? GetBinaryData(string key) => Get(key) is { } v ? (BinaryData?)EdmConvert.To(v, typeof(BinaryData)) : null;

    public byte[]? GetBinary(string key) => Get(key) is { } v ? (byte[]?)EdmConvert.To(v, typeof(byte[])) : null;

    public void Add(string key, object? value) => properties.Add(key, value);

    public bool ContainsKey(string key) => properties.ContainsKey(key);

    public bool Remove(string key) => properties.Remove(key);

    public bool TryGetValue(string key, out object? value) => properties.TryGetValue(key, out value);

    public void Add(KeyValuePair<string, object?> item) => properties.Add(item.Key, item.Value);

    public void Clear() => properties.Clear();

    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)properties).Contains(item);

    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)properties).CopyTo(array, arrayIndex);

    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)properties).Remove(item);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private object? Get(string key) => properties.GetValueOrDefault(key);
}
