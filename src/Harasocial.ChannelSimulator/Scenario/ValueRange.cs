using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harasocial.ChannelSimulator;

/// <summary>A number or an inclusive <c>[min,max]</c> range in the scenario JSON.</summary>
[JsonConverter(typeof(ValueRangeConverter))]
public readonly record struct ValueRange(double Min, double Max)
{
    public static ValueRange Of(double value) => new(value, value);

    /// <summary>Uniform pick driven by a 64-bit hash, so the same seed gives the same value.</summary>
    public double Pick(ulong hash) => Min + ((Max - Min) * Det.Unit(hash));

    public int PickInt(ulong hash) => (int)Math.Round(Pick(hash), MidpointRounding.AwayFromZero);

    public override string ToString() =>
        Min.Equals(Max) ? Min.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"[{Min},{Max}]");
}

internal sealed class ValueRangeConverter : JsonConverter<ValueRange>
{
    public override ValueRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return ValueRange.Of(reader.GetDouble());
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a number or a [min,max] array.");
        }

        var values = new List<double>(2);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.GetDouble());
        }

        return values.Count switch
        {
            1 => ValueRange.Of(values[0]),
            2 when values[0] <= values[1] => new ValueRange(values[0], values[1]),
            _ => throw new JsonException("A range is [min,max] with min <= max."),
        };
    }

    public override void Write(Utf8JsonWriter writer, ValueRange value, JsonSerializerOptions options)
    {
        if (value.Min.Equals(value.Max))
        {
            writer.WriteNumberValue(value.Min);
            return;
        }

        writer.WriteStartArray();
        writer.WriteNumberValue(value.Min);
        writer.WriteNumberValue(value.Max);
        writer.WriteEndArray();
    }
}
