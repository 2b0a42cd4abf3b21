using System.Globalization;
using System.Text.Json;

namespace Harasocial.ChannelSimulator.Shopee;

/// <summary>
/// <c>get_conversation_list</c>: <c>direction=older</c> without a timestamp = newest first; with X = those at or before X
/// (adjacent pages overlap by one). <c>latest</c> = oldest first (as measured). page_size over 25 → empty list.
/// </summary>
internal static class ShopeeConversations
{
    public const int MaxPageSize = 25;

    public static async Task ListAsync(HttpContext context, SimulatorState state)
    {
        if (await ShopeeAuth.AuthenticateAsync(context, state, shopCall: true).ConfigureAwait(false) is not { } shop)
        {
            return;
        }

        var q = context.Request.Query;
        var direction = q["direction"].ToString();
        var pageSize = int.TryParse(q["page_size"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : MaxPageSize;
        long? cursor = long.TryParse(q["next_timestamp_nano"], NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0 ? c : null;
        if (direction is not ("older" or "latest") || q["type"].ToString() is not ("all" or "pinned" or "unread"))
        {
            await ShopeeAuth.Error(context, 400, "error_param", "direction must be latest or older and type all, pinned or unread.").ConfigureAwait(false);
            return;
        }

        byte[] body;
        lock (state.Gate)
        {
            var more = false;
            var page = pageSize > MaxPageSize ? [] : Select(shop.Folder("inbox"), direction == "older", cursor, pageSize, out more);
            body = ShopeeJson.Envelope(context, w =>
            {
                w.WriteStartArray("conversations");
                foreach (var thread in page)
                {
                    Conversation(w, shop, thread);
                }

                w.WriteEndArray();
                w.WriteStartObject("page_result");
                w.WriteNumber("page_size", page.Count);
                w.WriteStartObject("next_cursor");
                w.WriteString("next_message_time_nano", page.Count > 0 ? ShopeeJson.Nanos(page[^1].LastActivity).ToString(CultureInfo.InvariantCulture) : "0");
                w.WriteString("conversation_id", page.Count > 0 ? page[^1].ThreadId : "0");
                w.WriteEndObject();
                w.WriteBoolean("more", more);
                w.WriteEndObject();
            });
        }

        await RespondBytes.Send(context, 200, body).ConfigureAwait(false);
    }

    private static List<SimThread> Select(ThreadList list, bool older, long? cursor, int size, out bool more)
    {
        var page = new List<SimThread>(size);
        if (older)
        {
            var start = cursor is { } x ? list.IndexAtOrBefore(ShopeeJson.TicksFromNanos(x)) : 0;
            for (var i = start; i < list.Count && page.Count < size; i++)
            {
                page.Add(list[i]);
            }

            more = start + page.Count < list.Count;
            return page;
        }

        // Ascending: from the oldest, or from the first at/after the cursor.
        var from = cursor is { } y ? list.IndexAtOrBefore(ShopeeJson.TicksFromNanos(y) - 1) - 1 : list.Count - 1;
        for (var i = from; i >= 0 && page.Count < size; i--)
        {
            page.Add(list[i]);
        }

        more = from - page.Count >= 0;
        return page;
    }

    private static void Conversation(Utf8JsonWriter w, SimAccount shop, SimThread thread)
    {
        var last = MessageFactory.Get(shop.Channel, thread, thread.MessageCount - 1);
        w.WriteStartObject();
        w.WriteBigNumber("conversation_id", thread.ThreadId);
        w.WriteBigNumber("to_id", thread.CustomerId);
        w.WriteString("to_name", thread.CustomerName);
        w.WriteString("to_avatar", $"https://cf.shopee.vn/file/sim-{thread.CustomerId}");
        w.WriteBigNumber("shop_id", shop.Id);
        w.WriteNumber("unread_count", thread.UnreadCount);
        w.WriteBoolean("pinned", false);
        w.WriteString("latest_message_id", last.Id);
        w.WriteString("latest_message_type", last.Attachment is null ? "text" : "image");
        w.WriteStartObject("latest_message_content");
        ShopeeJson.Content(w, last);
        w.WriteEndObject();
        w.WriteBigNumber("latest_message_from_id", last.Inbound ? thread.CustomerId : shop.Id);
        w.WriteNumber("last_message_timestamp", ShopeeJson.Nanos(thread.LastActivity));
        w.WriteEndObject();
    }
}
