using System.Globalization;
using System.Text;

namespace Harasocial.AzureStorage;

/// <summary>
/// Formats <c>$filter</c> literals by type so that values can never change the shape of the query
/// (https://learn.microsoft.com/rest/api/storageservices/querying-tables-and-entities#supported-comparison-operators).
/// </summary>
internal static class TableQueryFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, args);
    }

    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => Double(d),
        DateTimeOffset dto => "datetime'" + EntityJsonWriter.FormatDate(dto) + "'",
        DateTime dt => "datetime'" + EntityJsonWriter.FormatDate((DateTimeOffset)EdmConvert.To(dt, typeof(DateTimeOffset))!) + "'",
        Guid g => "guid'" + g.ToString("D", CultureInfo.InvariantCulture) + "'",
        byte[] bytes => Binary(bytes),
        BinaryData data => Binary(data.ToArray()),
        Enum e => Quote(e.ToString()),
        _ => throw new NotSupportedException($"A {value.GetType().Name} cannot be used in a table filter."),
    };

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Double(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        // A literal without '.' or exponent would be typed Int32 by the service and fail to match Double properties.
        return text.AsSpan().IndexOfAny(".Ee") >= 0 || !double.IsFinite(d) ? text : text + ".0";
    }

    private static string Binary(byte[] bytes) =>
        new StringBuilder("X'").Append(Convert.ToHexStringLower(bytes)).Append('\'').ToString();
}
