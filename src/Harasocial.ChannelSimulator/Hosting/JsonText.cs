using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Harasocial.ChannelSimulator;

/// <summary>Writes exact wire JSON with Utf8JsonWriter (no reflection, big ids as number tokens where asked).</summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Meta escapes non-ASCII as \uXXXX and '/' as '\/' in the bodies it signs.</summary>
    public static string MetaStyle(Action<Utf8JsonWriter> write) =>
        Write(write, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }).Replace("/", "\\/", StringComparison.Ordinal);

    public static string Write(Action<Utf8JsonWriter> write) => Write(write, Relaxed);

    public static byte[] Utf8(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Write(Action<Utf8JsonWriter> write, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a decimal id string as a JSON number token (exact, beyond 2^53).</summary>
    public static void WriteBigNumber(this Utf8JsonWriter writer, string name, string digits)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(digits.Length > 0 && digits.All(char.IsAsciiDigit) ? digits : "0", skipInputValidation: true);
    }
}
