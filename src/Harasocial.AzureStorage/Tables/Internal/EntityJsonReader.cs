using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Azure;

namespace Harasocial.AzureStorage;

/// <summary>
/// Reads minimal-metadata OData JSON into an entity, typing values by their <c>@odata.type</c> annotation
/// (https://learn.microsoft.com/rest/api/storageservices/payload-format-for-table-service-operations).
/// </summary>
internal static class EntityJsonReader
{
    public static T Read<T>(JsonElement json, ETag headerETag = default)
        where T : class, ITableEntity, new()
    {
        var entity = new T();
        var bag = entity as IDictionary<string, object?>;
        var accessors = EntityMapper<T>.Properties;
        Dictionary<string, string>? types = null;
        foreach (var property in json.EnumerateObject())
        {
            if (property.Name.EndsWith(TableConstants.ODataType, StringComparison.Ordinal))
            {
                (types ??= new(StringComparer.Ordinal))[property.Name[..^TableConstants.ODataType.Length]] = property.Value.GetString() ?? string.Empty;
            }
        }

        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            switch (name)
            {
                case TableConstants.PartitionKey:
                    entity.PartitionKey = property.Value.GetString() ?? string.Empty;
                    continue;
                case TableConstants.RowKey:
                    entity.RowKey = property.Value.GetString() ?? string.Empty;
                    continue;
                case TableConstants.Timestamp:
                    entity.Timestamp = DateTimeOffset.Parse(property.Value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                    continue;
                case TableConstants.ODataEtag:
                    entity.ETag = new ETag(property.Value.GetString()!);
                    continue;
            }

            if (name.Contains('@', StringComparison.Ordinal) || name.StartsWith("odata.", StringComparison.Ordinal))
            {
                continue;
            }

            var value = ReadValue(property.Value, types?.GetValueOrDefault(name));
            if (bag is not null)
            {
                bag[name] = value;
            }
            else if (accessors.TryGetValue(name, out var accessor))
            {
                accessor.Set(entity, value);
            }
        }

        if (headerETag != default)
        {
            entity.ETag = headerETag;
        }

        return entity;
    }

    private static object? ReadValue(JsonElement value, string? edmType)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                // Arms are boxed one by one: a switch over int/long/double would widen every arm to double.
                // Without annotation, a number written with a fraction or exponent ("2.0") is a Double.
                return edmType switch
                {
                    "Edm.Double" => (object)value.GetDouble(),
                    "Edm.Int64" => (object)value.GetInt64(),
                    _ when IsIntegral(value) && value.TryGetInt32(out var i) => (object)i,
                    _ => (object)value.GetDouble(),
                };
            case JsonValueKind.String:
                var text = value.GetString()!;
                return edmType switch
                {
                    "Edm.Int64" => long.Parse(text, CultureInfo.InvariantCulture),
                    "Edm.Double" => double.Parse(text, CultureInfo.InvariantCulture),
                    "Edm.DateTime" => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    "Edm.Guid" => Guid.Parse(text),
                    "Edm.Binary" => Convert.FromBase64String(text),
                    "Edm.Boolean" => bool.Parse(text),
                    "Edm.Int32" => int.Parse(text, CultureInfo.InvariantCulture),
                    _ => text,
                };
            default:
                throw new JsonException($"Unexpected JSON {value.ValueKind} in a table entity.");
        }
    }

    private static bool IsIntegral(JsonElement number) =>
        JsonMarshal.GetRawUtf8Value(number).IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;
}
