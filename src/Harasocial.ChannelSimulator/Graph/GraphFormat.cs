using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Harasocial.ChannelSimulator.Graph;

/// <summary>Graph times, cursors, <c>next</c> URLs and the <c>fields</c> parameter.</summary>
internal static partial class GraphFormat
{
    public static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture);

    public static string Cursor(string value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string? Uncursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        var padded = cursor.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static int Limit(HttpContext context, int fallback = 25) =>
        int.TryParse(context.Request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? Math.Min(limit, 100) : fallback;

    /// <summary>N of <c>messages.limit(N)</c> in <c>fields</c> (capped at 100), 25 for a bare <c>messages</c>, null when absent.</summary>
    public static int? InlineMessages(string fields)
    {
        var match = MessagesLimit().Match(fields);
        if (match.Success)
        {
            return Math.Clamp(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), 1, 100);
        }

        return fields.Contains("messages", StringComparison.Ordinal) ? 25 : null;
    }

    /// <summary>The request URL with <c>after</c> replaced: Graph's absolute <c>next</c> link.</summary>
    public static string Next(HttpContext context, string after, string? path = null, IEnumerable<KeyValuePair<string, string>>? query = null)
    {
        var request = context.Request;
        var root = $"{request.Scheme}://{request.Host}{path ?? request.PathBase + request.Path}";
        var pairs = query ?? request.Query.Where(p => p.Key is not ("after" or "before")).Select(p => KeyValuePair.Create(p.Key, p.Value.ToString()));
        return QueryHelpers.AddQueryString(root, pairs.Append(KeyValuePair.Create("after", after))!);
    }

    public static void Paging(Utf8JsonWriter w, string? before, string? after, string? next)
    {
        w.WriteStartObject("paging");
        if (before is not null && after is not null)
        {
            w.WriteStartObject("cursors");
            w.WriteString("before", before);
            w.WriteString("after", after);
            w.WriteEndObject();
        }

        if (next is not null)
        {
            w.WriteString("next", next);
        }

        w.WriteEndObject();
    }

    [GeneratedRegex(@"messages\.limit\((\d{1,6})\)", RegexOptions.CultureInvariant)]
    private static partial Regex MessagesLimit();
}
