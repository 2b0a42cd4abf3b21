using System.Globalization;
using System.Text.Json;

namespace Harasocial.ChannelSimulator.Control;

/// <summary>Control API bodies: read with JsonDocument, written with Utf8JsonWriter.</summary>
internal static class ControlJson
{
    public static async Task<JsonElement?> ReadAsync(HttpContext context)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? Text(JsonElement? body, string name) =>
        body is { } b && b.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null }
            : null;

    /// <summary>An array of strings, or null when the field is absent.</summary>
    public static IReadOnlyList<string>? Texts(JsonElement? body, string name) =>
        body is { } b && b.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : null;

    public static double Number(JsonElement? body, string name, double fallback = 0) =>
        body is { } b && b.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : fallback;

    public static Task Accounts(HttpContext c, SimulatorState state) => Respond.Json(c, 200, w =>
    {
        w.WriteStartArray();
        foreach (var a in state.Accounts)
        {
            w.WriteStartObject();
            w.WriteString("channel", a.Channel);
            w.WriteString("id", a.Id);
            w.WriteString("name", a.Name);
            w.WriteString("linkedPageId", a.LinkedPageId);
            var tokens = state.CurrentTokens(a.Id);
            w.WriteString("accessToken", tokens.AccessToken);
            w.WriteString("refreshToken", tokens.RefreshToken);
            w.WriteNumber("refreshCount", state.RefreshCount(a.Id));
            w.WriteStartObject("threads");
            foreach (var (folder, count) in a.Threads)
            {
                w.WriteNumber(folder, count);
            }

            w.WriteEndObject();
            w.WriteNumber("posts", a.Posts);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static Task Calls(HttpContext c, SimulatorState state) => Respond.Object(c, 200, w =>
    {
        var snapshot = state.CallCounts;
        Counts(w, "byEndpoint", snapshot.ByEndpoint);
        w.WriteStartObject("byAccount");
        foreach (var (account, counts) in snapshot.ByAccount)
        {
            Counts(w, account, counts);
        }

        w.WriteEndObject();
        Counts(w, "throttled", snapshot.ThrottledByEndpoint);
    });

    public static Task Sent(HttpContext c, SimulatorState state) => Respond.Json(c, 200, w =>
    {
        w.WriteStartArray();
        foreach (var s in state.SentMessages)
        {
            w.WriteStartObject();
            w.WriteString("channel", s.Channel);
            w.WriteString("accountId", s.AccountId);
            w.WriteString("recipientId", s.RecipientId);
            w.WriteString("text", s.Text);
            w.WriteString("tag", s.Tag);
            w.WriteString("messageId", s.MessageId);
            w.WriteString("at", s.At.ToString("O", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static void Counts(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, int> counts)
    {
        w.WriteStartObject(name);
        foreach (var (key, count) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteNumber(key, count);
        }

        w.WriteEndObject();
    }
}
