using System.Globalization;

namespace Harasocial.AzureStorage;

/// <summary>Converts a value read from the service (already typed by its EDM type) to a CLR property type.</summary>
internal static class EdmConvert
{
    public static object? To(object? value, Type target)
    {
        if (value is null)
        {
            return null;
        }

        target = Nullable.GetUnderlyingType(target) ?? target;
        if (target.IsInstanceOfType(value) && !target.IsEnum)
        {
            return value;
        }

        if (target.IsEnum)
        {
            return value is string name ? Enum.Parse(target, name, ignoreCase: false) : Enum.ToObject(target, value);
        }

        return target switch
        {
            _ when target == typeof(string) => Convert.ToString(value, CultureInfo.InvariantCulture),
            _ when target == typeof(DateTimeOffset) => ToDateTimeOffset(value),
            _ when target == typeof(DateTime) => ToDateTimeOffset(value).UtcDateTime,
            _ when target == typeof(Guid) => value is string s ? Guid.Parse(s) : throw Mismatch(value, target),
            _ when target == typeof(byte[]) => value is BinaryData d ? d.ToArray() : value is string b ? Convert.FromBase64String(b) : throw Mismatch(value, target),
            _ when target == typeof(BinaryData) => value is byte[] bytes ? new BinaryData(bytes) : throw Mismatch(value, target),
            _ when target == typeof(int) || target == typeof(long) || target == typeof(double) || target == typeof(bool) =>
                value is string text ? Convert.ChangeType(text, target, CultureInfo.InvariantCulture) : Convert.ChangeType(value, target, CultureInfo.InvariantCulture),
            _ => throw Mismatch(value, target),
        };
    }

    private static DateTimeOffset ToDateTimeOffset(object value) => value switch
    {
        DateTimeOffset dto => dto,
        DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw Mismatch(value, typeof(DateTimeOffset)),
    };

    private static InvalidCastException Mismatch(object value, Type target) =>
        new($"A table value of type {value.GetType().Name} cannot be converted to {target.Name}.");
}
