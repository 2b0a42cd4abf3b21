namespace Harasocial.ChannelSimulator.Graph;

/// <summary><c>GET /{conversation-id}/messages</c>: newest first, cursor paging, IG detail cap.</summary>
internal static class GraphMessages
{
    public static async Task ListAsync(HttpContext context, SimulatorState state, string threadId)
    {
        var account = GraphLookup.Resolve(state, threadId, null);
        SimThread? thread = null;
        lock (state.Gate)
        {
            account?.ByThreadId.TryGetValue(threadId, out thread);
        }

        if (account is null || thread is null)
        {
            await GraphAuth.NotFound(context, threadId).ConfigureAwait(false);
            return;
        }

        if (!await GraphAuth.CheckAsync(context, state, account).ConfigureAwait(false))
        {
            return;
        }

        var limit = GraphFormat.Limit(context);
        var before = GraphWriters.MessageCursor(context.Request.Query["after"].ToString());
        byte[] body;
        lock (state.Gate)
        {
            body = JsonText.Utf8(w =>
            {
                w.WriteStartObject();
                GraphWriters.MessagePage(w, context, account, thread, before, limit, inline: false);
                w.WriteEndObject();
            });
        }

        await RespondBytes.Send(context, 200, body).ConfigureAwait(false);
    }
}
