using System.Globalization;
using Harasocial.ChannelSimulator.Faults;

namespace Harasocial.ChannelSimulator.Graph;

/// <summary><c>GET /{page-id}/conversations</c>: newest first, cursor paging, folder=spam, per-account rate limit.</summary>
internal static class GraphConversations
{
    public static async Task ListAsync(HttpContext context, SimulatorState state, string id)
    {
        var query = context.Request.Query;
        var platform = query["platform"].ToString();
        var folder = query["folder"].ToString();
        var account = GraphLookup.Resolve(state, id, platform);
        if (account is null || account.ListingId != id && account.Id != id)
        {
            await GraphAuth.NotFound(context, id).ConfigureAwait(false);
            return;
        }

        if (!await GraphAuth.CheckAsync(context, state, account).ConfigureAwait(false))
        {
            return;
        }

        if (account.Channel == Channels.Instagram && folder.Length > 0)
        {
            await GraphErrors.InvalidParameter(context, "Param folder is not supported for platform instagram").ConfigureAwait(false);
            return;
        }

        if (folder.Length > 0 && folder is not ("inbox" or "spam" or "other" or "page_done" or "pending"))
        {
            await GraphErrors.InvalidParameter(context, "Param folder must be one of {INBOX, OTHER, PAGE_DONE, PENDING, SPAM}").ConfigureAwait(false);
            return;
        }

        if (!TryAcquire(state, account))
        {
            PlatformCall.Of(context)?.Throttled = true;
            await GraphErrors.Throttle(context, account.Id, account.Channel).ConfigureAwait(false);
            return;
        }

        await RespondBytes.Send(context, 200, Page(context, state, account, folder.Length == 0 ? "inbox" : folder)).ConfigureAwait(false);
    }

    /// <summary>Sliding 1-second window of accepted calls per account.</summary>
    private static bool TryAcquire(SimulatorState state, SimAccount account)
    {
        var limit = state.Scenario.RateLimits.GraphConversationCallsPerSecond;
        if (limit <= 0)
        {
            return true;
        }

        var now = state.TimeProvider.GetUtcNow();
        lock (state.Gate)
        {
            var calls = account.ConversationCalls;
            while (calls.Count > 0 && now - calls.Peek() >= TimeSpan.FromSeconds(1))
            {
                calls.Dequeue();
            }

            if (calls.Count >= limit)
            {
                return false;
            }

            calls.Enqueue(now);
            return true;
        }
    }

    private static byte[] Page(HttpContext context, SimulatorState state, SimAccount account, string folder)
    {
        var limit = GraphFormat.Limit(context);
        var inline = GraphFormat.InlineMessages(context.Request.Query["fields"].ToString());
        lock (state.Gate)
        {
            var list = account.Folder(folder);
            var start = Start(list, context.Request.Query["after"].ToString());
            var end = Math.Min(list.Count, start + limit);
            return JsonText.Utf8(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("data");
                for (var i = start; i < end; i++)
                {
                    Conversation(w, context, account, list[i], inline);
                }

                w.WriteEndArray();
                if (end > start)
                {
                    var after = Key(list[end - 1]);
                    GraphFormat.Paging(w, Key(list[start]), after, end < list.Count ? GraphFormat.Next(context, after) : null);
                }
                else
                {
                    GraphFormat.Paging(w, null, null, null);
                }

                w.WriteEndObject();
            });
        }
    }

    private static void Conversation(System.Text.Json.Utf8JsonWriter w, HttpContext context, SimAccount account, SimThread thread, int? inline)
    {
        w.WriteStartObject();
        w.WriteString("id", thread.ThreadId);
        w.WriteString("updated_time", GraphFormat.Time(thread.LastActivity));
        GraphWriters.Participants(w, account, thread);
        if (inline is { } n)
        {
            w.WriteStartObject("messages");
            GraphWriters.MessagePage(w, context, account, thread, int.MaxValue, n, inline: true);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static string Key(SimThread thread) =>
        GraphFormat.Cursor(string.Create(CultureInfo.InvariantCulture, $"{thread.LastActivity.UtcTicks}|{thread.ThreadId}"));

    private static int Start(ThreadList list, string after)
    {
        var raw = GraphFormat.Uncursor(after);
        var bar = raw?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return bar > 0 && long.TryParse(raw.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? list.IndexAfter(ticks, raw![(bar + 1)..])
            : 0;
    }
}
