using System.Globalization;
using System.Text.Json;

namespace Harasocial.ChannelSimulator.Zalo;

/// <summary>Zalo message rows (§3.3): <c>src</c> 1 = user→OA, 0 = OA→user; times in ms.</summary>
internal static class ZaloRows
{
    public static void Row(Utf8JsonWriter w, SimAccount oa, SimThread thread, SimMessage m)
    {
        w.WriteStartObject();
        w.WriteNumber("src", m.Inbound ? 1 : 0);
        w.WriteNumber("time", m.At.ToUnixTimeMilliseconds());
        w.WriteString("type", m.Attachment is null ? "text" : "photo");
        w.WriteString("message", m.Text ?? string.Empty);
        w.WriteString("message_id", m.Id);
        Party(w, "from", m.Inbound ? thread.CustomerId : oa.Id, m.Inbound ? thread.CustomerName : oa.Name);
        Party(w, "to", m.Inbound ? oa.Id : thread.CustomerId, m.Inbound ? oa.Name : thread.CustomerName);
        if (m.Attachment is { } a)
        {
            w.WriteString("url", a.Url);
            w.WriteString("thumb", a.Url + "?thumb=1");
        }

        w.WriteEndObject();
    }

    public static string Avatar(string id) => $"https://s120-ava-talk.zadn.vn/sim/{id}.jpg";

    private static void Party(Utf8JsonWriter w, string prefix, string id, string name)
    {
        w.WriteString(prefix + "_id", id);
        w.WriteString(prefix + "_display_name", name);
        w.WriteString(prefix + "_avatar", Avatar(id));
    }

    /// <summary>Reads the JSON <c>data</c> query parameter; null when it is not a JSON object.</summary>
    public static JsonElement? Data(HttpContext context)
    {
        try
        {
            using var doc = JsonDocument.Parse(context.Request.Query["data"].ToString());
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string or number property as text (user ids arrive either way).</summary>
    public static string? Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null }
            : null;

    public static int? Int(JsonElement data, string name, int fallback) =>
        !data.TryGetProperty(name, out var v) ? fallback
            : v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n
            : v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out n) ? n
            : null;
}
