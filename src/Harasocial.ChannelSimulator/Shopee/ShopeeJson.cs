using System.Text.Json;

namespace Harasocial.ChannelSimulator.Shopee;

internal static class ShopeeJson
{
    /// <summary>Success envelope <c>{"request_id","error":"","message":"","response":{…}}</c>.</summary>
    public static byte[] Envelope(HttpContext context, Action<Utf8JsonWriter> response) => JsonText.Utf8(w =>
    {
        w.WriteStartObject();
        w.WriteString("request_id", ShopeeAuth.RequestId(context));
        w.WriteString("error", string.Empty);
        w.WriteString("message", string.Empty);
        w.WriteStartObject("response");
        response(w);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static long Nanos(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    public static long TicksFromNanos(long nanos) => (nanos / 100) + DateTimeOffset.UnixEpoch.UtcTicks;

    public static void Content(Utf8JsonWriter w, SimMessage m)
    {
        if (m.Attachment is { } a)
        {
            w.WriteString("url", a.Url);
            w.WriteString("thumb_url", a.Url + "?thumb=1");
            w.WriteNumber("thumb_width", a.Width / 4);
            w.WriteNumber("thumb_height", a.Height / 4);
        }
        else
        {
            w.WriteString("text", m.Text);
        }
    }
}
