namespace Harasocial.Sync.Api;

/// <summary>Shared field rules for request bodies and query strings.</summary>
internal static class Fields
{
    public const int MaxIdLength = 128;

    /// <summary>Channel ids are opaque strings: required, bounded, printable.</summary>
    public static IEnumerable<(string Field, string Error)> Id(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxIdLength || value.Any(char.IsControl) || value.Trim() != value)
        {
            yield return (field, $"{field} is required: up to {MaxIdLength} printable characters without surrounding spaces.");
        }
    }

    /// <summary>Reads <c>limit</c> from a query string: default when absent, 400 when not 1..max.</summary>
    public static bool TryLimit(HttpRequest request, int defaultValue, int max, out int limit, out IResult? problem)
    {
        problem = null;
        limit = defaultValue;
        var raw = request.Query["limit"].ToString();
        if (raw.Length == 0)
        {
            return true;
        }

        if (int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) && limit >= 1 && limit <= max)
        {
            return true;
        }

        problem = Problems.Validation("limit", $"limit must be a whole number from 1 to {max}.");
        return false;
    }

    /// <summary>Opaque cursors: the storage key, base64url-encoded so it travels safely in a query string.</summary>
    public static string? EncodeCursor(string? key) =>
        key is null ? null : Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecodeCursor(HttpRequest request, out string? key, out IResult? problem)
    {
        key = null;
        problem = null;
        var raw = request.Query["cursor"].ToString();
        if (raw.Length == 0)
        {
            return true;
        }

        var b64 = raw.Replace('-', '+').Replace('_', '/');
        var buffer = new byte[b64.Length];
        if (raw.Length <= 1000 && Convert.TryFromBase64String(b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '='), buffer, out var written))
        {
            key = System.Text.Encoding.UTF8.GetString(buffer, 0, written);
            return true;
        }

        problem = Problems.Validation("cursor", "cursor is not one this API returned.");
        return false;
    }
}
