using Harasocial.Sync.Security;

namespace Harasocial.Sync.Api;

/// <summary>Shared field rules for request bodies and query strings.</summary>
internal static class Fields
{
    /// <summary>Longest channel account id accepted: Graph ids have 15–17 digits, Zalo OA ids 19, Shopee shop ids 9–10.</summary>
    public const int MaxAccountIdDigits = 24;

    /// <summary>
    /// Facebook Page, Instagram account, Zalo OA and Shopee shop ids are decimal numbers (kept as strings: Zalo's exceed
    /// 2^53). Anything else — quotes, OData operators, <c>/ # ? \</c>, spaces — names no account and is refused before
    /// it reaches the channel or a storage key.
    /// </summary>
    public static IEnumerable<(string Field, string Error)> AccountId(string field, string? value, string what)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxAccountIdDigits || !value.All(char.IsAsciiDigit))
        {
            yield return (field, $"{field} must be {what}: 1 to {MaxAccountIdDigits} digits.");
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

    /// <summary>
    /// Reads <c>cursor</c> from a query string: absent is the first page; a cursor <paramref name="cursors"/> did not
    /// sign for this listing's <paramref name="scope"/> is a 400 (SPEC §4), not a silent first page.
    /// </summary>
    public static bool TryCursor(HttpRequest request, CursorProtector cursors, string scope, out string? key, out IResult? problem)
    {
        key = null;
        problem = null;
        var raw = request.Query["cursor"].ToString();
        if (raw.Length == 0)
        {
            return true;
        }

        if (cursors.TryUnprotect(scope, raw, out var storageKey))
        {
            key = storageKey;
            return true;
        }

        problem = Problems.Validation("cursor", "cursor is not one this listing returned: pass nextCursor from the previous page of the same listing, or leave it out for the first page.");
        return false;
    }
}
