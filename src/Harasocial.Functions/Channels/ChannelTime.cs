using System.Globalization;

namespace Harasocial.Functions.Channels;

/// <summary>Epoch conversions shared by the parsers.</summary>
internal static class ChannelTime
{
    private const long MillisecondThreshold = 1_000_000_000_000; // 10^12: above is ms, below is seconds

    /// <summary>Some sources send seconds and some milliseconds for the same field (Meta entry.time, Shopee
    /// created_timestamp per WIRE.md): values above 10^12 are milliseconds.</summary>
    public static DateTimeOffset FromSecondsOrMillis(long value) =>
        value > MillisecondThreshold
            ? DateTimeOffset.FromUnixTimeMilliseconds(value)
            : DateTimeOffset.FromUnixTimeSeconds(value);

    public static DateTimeOffset? FromSecondsOrMillis(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? FromSecondsOrMillis(parsed)
            : null;

    public static DateTimeOffset FromNanos(long nanos) =>
        DateTimeOffset.UnixEpoch.AddTicks(nanos / 100);
}
