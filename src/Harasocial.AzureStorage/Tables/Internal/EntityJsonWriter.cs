using System.Globalization;
using System.Text.Json;

namespace Harasocial.AzureStorage;

/// <summary>
/// Writes an entity as OData JSON. Types JSON cannot carry get an <c>@odata.type</c> annotation (Int64 as a string,
/// DateTime, Guid, Binary as base64, and Double so that 1.0 is not read back as Int32):
/// https://learn.microsoft.com/rest/api/storageservices/payload-format-for-table-service-operations.
/// </summary>
internal static class EntityJsonWriter
{
    public static BinaryData Serialize(ITableEntity entity)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, entity);
        }

        return new BinaryData(buffer.WrittenMemory);
    }

    public static void Write(Utf8JsonWriter writer, ITableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString(TableConstants.PartitionKey, entity.PartitionKey);
        writer.WriteString(TableConstants.RowKey, entity.RowKey);
        foreach (var (name, value) in EntityProperties.Enumerate(entity))
        {
            WriteProperty(writer, name, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                return; // Absent and null are the same to the service.
            case string s:
                writer.WriteString(name, s);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                Annotate(writer, name, "Edm.Int64");
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                Annotate(writer, name, "Edm.Double");
                if (double.IsFinite(d))
                {
                    writer.WriteNumber(name, d);
                }
                else
                {
                    writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }

                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case DateTimeOffset or DateTime:
                Annotate(writer, name, "Edm.DateTime");
                writer.WriteString(name, FormatDate((DateTimeOffset)EdmConvert.To(value, typeof(DateTimeOffset))!));
                break;
            case Guid g:
                Annotate(writer, name, "Edm.Guid");
                writer.WriteString(name, g.ToString("D", CultureInfo.InvariantCulture));
                break;
            case byte[] or BinaryData:
                Annotate(writer, name, "Edm.Binary");
                writer.WriteBase64String(name, value is BinaryData data ? data.ToMemory().Span : (byte[])value);
                break;
            case Enum e:
                writer.WriteString(name, e.ToString());
                break;
            default:
                throw new NotSupportedException($"Property '{name}' has type {value.GetType().Name}, which tables cannot store.");
        }
    }

    public static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void Annotate(Utf8JsonWriter writer, string name, string edmType) =>
        writer.WriteString(name + TableConstants.ODataType, edmType);
}
