using System.Text;

namespace Harasocial.AzureStorage;

/// <summary>
/// Builds the Shared Key string-to-sign. Tables and Queues use different layouts; both are defined in
/// https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key.
/// </summary>
internal static class SharedKeyStringToSign
{
    /// <summary>
    /// Table service: VERB, Content-MD5, Content-Type, Date, CanonicalizedResource; only <c>comp</c> of the query
    /// string is part of the resource. With path-style URLs (Azurite) the path already starts with the account,
    /// so the resource reads <c>/{account}/{account}/{table}</c>.
    /// </summary>
    public static string ForTable(string method, Uri uri, string? contentMd5, string? contentType, string date, string account)
    {
        var builder = new StringBuilder(128)
            .Append(method).Append('\n')
            .Append(contentMd5).Append('\n')
            .Append(contentType).Append('\n')
            .Append(date).Append('\n')
            .Append('/').Append(account).Append(uri.AbsolutePath);
        foreach (var (name, values) in QueryParameters(uri))
        {
            if (name == "comp")
            {
                builder.Append("?comp=").Append(string.Join(',', values));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Blob/Queue service: twelve standard headers, then the x-ms- headers (lowercase, sorted, name:value), then
    /// the resource with every query parameter on its own line (lowercase name, decoded values sorted and comma-joined).
    /// Date stays empty because x-ms-date is always sent.
    /// </summary>
    public static string ForQueue(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, long? contentLength, string account)
    {
        var standard = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var msHeaders = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var lower = name.ToLowerInvariant();
            if (lower.StartsWith("x-ms-", StringComparison.Ordinal))
            {
                msHeaders[lower] = value.Trim();
            }
            else
            {
                standard[lower] = value;
            }
        }

        var builder = new StringBuilder(256).Append(method).Append('\n');
        foreach (var name in (string[])["content-encoding", "content-language"])
        {
            builder.Append(standard.GetValueOrDefault(name)).Append('\n');
        }

        // Since version 2015-02-21 a zero Content-Length is signed as the empty string.
        builder.Append(contentLength is > 0 ? contentLength.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty).Append('\n');
        foreach (var name in (string[])["content-md5", "content-type", "date", "if-modified-since", "if-match", "if-none-match", "if-unmodified-since", "range"])
        {
            builder.Append(standard.GetValueOrDefault(name)).Append('\n');
        }

        foreach (var (name, value) in msHeaders)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('/').Append(account).Append(uri.AbsolutePath);
        foreach (var (name, values) in QueryParameters(uri))
        {
            builder.Append('\n').Append(name).Append(':').Append(string.Join(',', values));
        }

        return builder.ToString();
    }

    private static SortedDictionary<string, List<string>> QueryParameters(Uri uri)
    {
        var result = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var query = uri.Query;
        if (query.Length <= 1)
        {
            return result;
        }

        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]).ToLowerInvariant();
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            if (!result.TryGetValue(name, out var values))
            {
                result[name] = values = [];
            }

            values.Add(value);
        }

        foreach (var values in result.Values)
        {
            values.Sort(StringComparer.Ordinal);
        }

        return result;
    }
}
