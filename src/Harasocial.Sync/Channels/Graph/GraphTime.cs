using System.Globalization;

namespace Harasocial.Sync.Channels.Graph;

/// <summary>Graph times look like `2026-11-21T10:00:00+0000` (no colon in the offset), which
/// DateTimeOffset.Parse does not accept in every form (WIRE.md "Graph"; channel-apis.md §2.3). We also accept
/// ISO-8601 with a colon or `Z`, in case a version changes it.</summary>
internal static class GraphTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    public static bool TryParse(string? value, out DateTimeOffset result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.Trim();
        // "+0000" → "+00:00"
        if (text.Length > 5 && text[^5] is '+' or '-' && text.AsSpan(text.Length - 4).IndexOfAnyExceptInRange('0', '9') < 0)
        {
            text = string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
        }

        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out result);
    }

    public static DateTimeOffset Parse(string? value) =>
        TryParse(value, out var result)
            ? result
            : throw new FormatException("Not a Graph time value.");
}
