using System.Globalization;

namespace Harasocial.Sync.Channels;

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
            ? TryFromSecondsOrMillis(parsed)
            : null;

    /// <summary>Like <see cref="FromSecondsOrMillis(long)"/>, null instead of an exception for values outside the calendar.</summary>
    public static DateTimeOffset? TryFromSecondsOrMillis(long value) => value switch
    {
        < 0 => null,
        > MillisecondThreshold => value <= MaxMillis ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null,
        _ => value <= MaxSeconds ? DateTimeOffset.FromUnixTimeSeconds(value) : null,
    };

    // 9999-12-31T23:59:59.999Z in Unix seconds and milliseconds: the largest values DateTimeOffset can hold.
    private const long MaxSeconds = 253_402_300_799;
    private const long MaxMillis = 253_402_300_799_999;

    public static DateTimeOffset FromNanos(long nanos) =>
        DateTimeOffset.UnixEpoch.AddTicks(nanos / 100);
}
