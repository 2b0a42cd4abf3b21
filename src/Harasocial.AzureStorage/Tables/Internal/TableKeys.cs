namespace Harasocial.AzureStorage;

/// <summary>
/// Validates keys and builds entity addresses. The service forbids <c>/ \ # ?</c> and control characters in keys
/// (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model#characters-disallowed-in-key-fields);
/// a quote is doubled inside the OData key literal, then everything but unreserved characters is percent-encoded.
/// </summary>
internal static class TableKeys
{
    public static void Validate(string? key, string paramName)
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException($"Table keys cannot contain '/', '\\', '#', '?' or control characters (U+{(int)c:X4}).", paramName);
            }
        }
    }

    public static void ValidateTableName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
    }

    /// <summary>The path segment <c>table(PartitionKey='pk',RowKey='rk')</c>, escaped.</summary>
    public static string EntityPath(string table, string partitionKey, string rowKey)
    {
        Validate(partitionKey, nameof(partitionKey));
        Validate(rowKey, nameof(rowKey));
        return $"{Uri.EscapeDataString(table)}(PartitionKey='{Literal(partitionKey)}',RowKey='{Literal(rowKey)}')";
    }

    private static string Literal(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
