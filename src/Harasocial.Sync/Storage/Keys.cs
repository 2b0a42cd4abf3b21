using System.Globalization;
using System.Text;

namespace Harasocial.Sync.Storage;

/// <summary>
/// Row-key builders. Keys sort as strings, so times are written as inverted, zero-padded ticks (newest first), and
/// channel ids are escaped for the four characters Table storage forbids in keys.
/// </summary>
internal static class Keys
{
    public static string Inverted(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>Escapes <c>/ \ # ?</c>, control characters and <c>%</c> so any channel id can sit inside a key.</summary>
    public static string Escape(string id)
    {
        if (!id.Any(NeedsEscape))
        {
            return id;
        }

        var builder = new StringBuilder(id.Length + 8);
        foreach (var c in id)
        {
            if (NeedsEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A new id: a readable prefix and 16 random hex characters.</summary>
    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Ids in URLs that name a row inside a connection: <c>{connectionId}.{base64url(inner id)}</c>.</summary>
    public static string Compose(string connectionId, string innerId) =>
        connectionId + "." + Convert.ToBase64String(Encoding.UTF8.GetBytes(innerId)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecompose(string id, out string connectionId, out string innerId)
    {
        connectionId = innerId = string.Empty;
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == id.Length - 1 || id.Length > 400)
        {
            return false;
        }

        var b64 = id[(dot + 1)..].Replace('-', '+').Replace('_', '/');
        var buffer = new byte[b64.Length];
        if (!Convert.TryFromBase64String(b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '='), buffer, out var written) || written == 0)
        {
            return false;
        }

        connectionId = id[..dot];
        innerId = Encoding.UTF8.GetString(buffer, 0, written);
        return true;
    }

    /// <summary>Ids we generate (connections, jobs) are short and plain; anything else from a URL cannot name a row.</summary>
    public static bool IsPlainId(string id) => id.Length is > 0 and <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
