using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harasocial.Sync.Channels.Json;

/// <summary>Reads an id that may be a JSON number or string as its exact text. Zalo and Shopee ids exceed 2^53
/// and Shopee sends them as numbers (WIRE.md "Common"), so they must never go through double/long.
/// Writes a string.</summary>
internal sealed class RawIdConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => RawText(ref reader),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => throw new JsonException($"Expected an id (number or string), got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    internal static string RawText(ref Utf8JsonReader reader) =>
        Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
}

/// <summary>Like <see cref="RawIdConverter"/> but writes digit-only ids as JSON numbers (Shopee request bodies
/// expect numeric `to_id`/`shop_id`/`partner_id`) without ever converting them to a binary number.</summary>
internal sealed class NumericIdConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new RawIdConverter().Read(ref reader, typeToConvert, options);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        if (IsDigits(value))
        {
            writer.WriteRawValue(value, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    internal static bool IsDigits(string value) =>
        value.Length is > 0 and <= 40 && value.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;
}
