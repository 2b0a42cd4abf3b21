using System.Globalization;

namespace Harasocial.ChannelSimulator.Shopee;

/// <summary><c>get_message</c>: newest first, opaque offset (exclusive chronological index), created_timestamp in seconds.</summary>
internal static class ShopeeMessages
{
    public static async Task ListAsync(HttpContext context, SimulatorState state)
    {
        if (await ShopeeAuth.AuthenticateAsync(context, state, shopCall: true).ConfigureAwait(false) is not { } shop)
        {
            return;
        }

        var q = context.Request.Query;
        SimThread? thread;
        lock (state.Gate)
        {
            shop.ByThreadId.TryGetValue(q["conversation_id"].ToString(), out thread);
        }

        if (thread is null)
        {
            await ShopeeAuth.Error(context, 404, "error_not_found", "Conversation not found.").ConfigureAwait(false);
            return;
        }

        var pageSize = int.TryParse(q["page_size"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? Math.Min(p, 25) : 25;
        var before = int.TryParse(q["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : int.MaxValue;
        byte[] body;
        lock (state.Gate)
        {
            var top = Math.Min(before, thread.MessageCount) - 1;
            var page = MessageFactory.NewestFirst(shop.Channel, thread, thread.MessageCount - 1 - top, pageSize).ToList();
            var hasMore = page.Count > 0 && page[^1].Index > 0;
            body = ShopeeJson.Envelope(context, w =>
            {
                w.WriteStartArray("messages");
                foreach (var m in page)
                {
                    w.WriteStartObject();
                    w.WriteString("message_id", m.Id);
                    w.WriteString("message_type", m.Attachment is null ? "text" : "image");
                    w.WriteBigNumber("from_id", m.Inbound ? thread.CustomerId : shop.Id);
                    w.WriteBigNumber("from_shop_id", m.Inbound ? "0" : shop.Id);
                    w.WriteBigNumber("to_id", m.Inbound ? shop.Id : thread.CustomerId);
                    w.WriteBigNumber("to_shop_id", m.Inbound ? shop.Id : "0");
                    w.WriteString("conversation_id", thread.ThreadId);
                    w.WriteNumber("created_timestamp", m.At.ToUnixTimeSeconds());
                    w.WriteString("region", "VN");
                    w.WriteStartObject("content");
                    ShopeeJson.Content(w, m);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartObject("page_result");
                w.WriteNumber("page_size", page.Count);
                w.WriteString("next_offset", hasMore ? page[^1].Index.ToString(CultureInfo.InvariantCulture) : string.Empty);
                w.WriteBoolean("has_more", hasMore);
                w.WriteEndObject();
            });
        }

        await RespondBytes.Send(context, 200, body).ConfigureAwait(false);
    }
}
