using System.Text.Json;

namespace Harasocial.ChannelSimulator.Graph;

/// <summary>Participants and message objects in Graph shape, with the Instagram 20-message detail cap.</summary>
internal static class GraphWriters
{
    public const int InstagramDetailCap = 20;

    public static void Party(Utf8JsonWriter w, SimAccount account, string id, string name, bool isCustomer)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        if (account.Channel == Channels.Instagram)
        {
            w.WriteString("username", name);
        }
        else
        {
            w.WriteString("name", name);
            if (isCustomer)
            {
                w.WriteString("email", id + "@facebook.com");
            }
        }

        w.WriteEndObject();
    }

    public static void Participants(Utf8JsonWriter w, SimAccount account, SimThread thread)
    {
        w.WriteStartObject("participants");
        w.WriteStartArray("data");
        Party(w, account, thread.CustomerId, thread.CustomerName, isCustomer: true);
        Party(w, account, account.Id, account.Name, isCustomer: false);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes one message; past the 20 newest of an Instagram thread only id and created_time.</summary>
    public static void Message(Utf8JsonWriter w, SimAccount account, SimThread thread, SimMessage m)
    {
        w.WriteStartObject();
        w.WriteString("id", m.Id);
        var newestPosition = thread.MessageCount - 1 - m.Index;
        if (account.Channel != Channels.Instagram || newestPosition < InstagramDetailCap)
        {
            if (m.Text is not null)
            {
                w.WriteString("message", m.Text);
            }

            w.WritePropertyName("from");
            Party(w, account, m.Inbound ? thread.CustomerId : account.Id, m.Inbound ? thread.CustomerName : account.Name, m.Inbound);
            w.WriteStartObject("to");
            w.WriteStartArray("data");
            Party(w, account, m.Inbound ? account.Id : thread.CustomerId, m.Inbound ? account.Name : thread.CustomerName, !m.Inbound);
            w.WriteEndArray();
            w.WriteEndObject();
            if (m.Attachment is { } a)
            {
                Attachment(w, a);
            }
        }

        w.WriteString("created_time", GraphFormat.Time(m.At));
        w.WriteEndObject();
    }

    private static void Attachment(Utf8JsonWriter w, SimAttachment a)
    {
        w.WriteStartObject("attachments");
        w.WriteStartArray("data");
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("mime_type", a.MimeType);
        w.WriteString("name", a.Name);
        if (a.Kind == "image")
        {
            w.WriteStartObject("image_data");
            w.WriteString("url", a.Url);
            w.WriteString("preview_url", a.Url + "?preview=1");
            w.WriteNumber("width", a.Width);
            w.WriteNumber("height", a.Height);
            w.WriteEndObject();
        }
        else
        {
            w.WriteString("file_url", a.Url);
        }

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A page of messages (newest first, older than chronological index <paramref name="beforeIndex"/>) with paging.</summary>
    public static void MessagePage(Utf8JsonWriter w, HttpContext context, SimAccount account, SimThread thread, int beforeIndex, int limit, bool inline)
    {
        var top = Math.Min(beforeIndex, thread.MessageCount) - 1;
        var skip = thread.MessageCount - 1 - top;
        var page = MessageFactory.NewestFirst(account.Channel, thread, skip, limit).ToList();
        w.WriteStartArray("data");
        foreach (var m in page)
        {
            Message(w, account, thread, m);
        }

        w.WriteEndArray();
        if (page.Count == 0)
        {
            GraphFormat.Paging(w, null, null, null);
            return;
        }

        var after = GraphFormat.Cursor("m:" + page[^1].Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var before = GraphFormat.Cursor("m:" + (page[0].Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        string? next = null;
        if (page[^1].Index > 0)
        {
            var version = (context.Request.Path.Value ?? "/graph/v25.0").Split('/')[2];
            next = inline
                ? GraphFormat.Next(context, after, $"/graph/{version}/{thread.ThreadId}/messages",
                    [KeyValuePair.Create("fields", "id,message,from,to,created_time,attachments"),
                     KeyValuePair.Create("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))])
                : GraphFormat.Next(context, after);
        }

        GraphFormat.Paging(w, before, after, next);
    }

    public static int MessageCursor(string? after) =>
        GraphFormat.Uncursor(after) is { } raw && raw.StartsWith("m:", StringComparison.Ordinal)
            && int.TryParse(raw.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture, out var index) ? index : int.MaxValue;
}
