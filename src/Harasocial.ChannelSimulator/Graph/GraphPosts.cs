using System.Globalization;
using System.Text.Json;

namespace Harasocial.ChannelSimulator.Graph;

/// <summary><c>published_posts</c>, IG <c>media</c> and <c>comments</c>: newest first with offset cursors.</summary>
internal static class GraphPosts
{
    public static async Task PostsAsync(HttpContext context, SimulatorState state, string id, bool media)
    {
        var account = GraphLookup.Resolve(state, id, null);
        if (account is null || account.Id != id || (account.Channel == Channels.Instagram) != media)
        {
            await GraphAuth.NotFound(context, id).ConfigureAwait(false);
            return;
        }

        if (!await GraphAuth.CheckAsync(context, state, account).ConfigureAwait(false))
        {
            return;
        }

        await Page(context, state, account.Posts, (w, p) =>
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteString(media ? "caption" : "message", p.Message);
            if (media)
            {
                w.WriteString("media_type", p.MediaType);
                w.WriteString("timestamp", GraphFormat.Time(p.CreatedAt));
                w.WriteString("permalink", p.Permalink);
                w.WriteNumber("comments_count", p.Comments.Count);
            }
            else
            {
                w.WriteString("created_time", GraphFormat.Time(p.CreatedAt));
                w.WriteString("permalink_url", p.Permalink);
            }

            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public static async Task CommentsAsync(HttpContext context, SimulatorState state, string id)
    {
        var account = GraphLookup.Resolve(state, id, null);
        var post = account?.Posts.Find(p => p.Id == id);
        if (account is null || post is null)
        {
            await GraphAuth.NotFound(context, id).ConfigureAwait(false);
            return;
        }

        if (!await GraphAuth.CheckAsync(context, state, account).ConfigureAwait(false))
        {
            return;
        }

        var ig = account.Channel == Channels.Instagram;
        await Page(context, state, post.Comments, (w, c) =>
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString(ig ? "text" : "message", c.Text);
            w.WriteString(ig ? "timestamp" : "created_time", GraphFormat.Time(c.CreatedAt));
            if (ig)
            {
                w.WriteString("username", c.FromName);
            }

            w.WriteStartObject("from");
            w.WriteString("id", c.FromId);
            w.WriteString(ig ? "username" : "name", c.FromName);
            w.WriteEndObject();
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static Task Page<T>(HttpContext context, SimulatorState state, List<T> items, Action<Utf8JsonWriter, T> write)
    {
        var limit = GraphFormat.Limit(context);
        var raw = GraphFormat.Uncursor(context.Request.Query["after"].ToString());
        var start = raw is not null && raw.StartsWith("o:", StringComparison.Ordinal)
            && int.TryParse(raw.AsSpan(2), CultureInfo.InvariantCulture, out var s) ? s : 0;
        byte[] body;
        lock (state.Gate)
        {
            var end = Math.Min(items.Count, start + limit);
            body = JsonText.Utf8(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("data");
                for (var i = start; i < end; i++)
                {
                    write(w, items[i]);
                }

                w.WriteEndArray();
                var after = GraphFormat.Cursor(string.Create(CultureInfo.InvariantCulture, $"o:{end}"));
                var before = GraphFormat.Cursor(string.Create(CultureInfo.InvariantCulture, $"o:{start}"));
                GraphFormat.Paging(w, end > start ? before : null, end > start ? after : null,
                    end < items.Count ? GraphFormat.Next(context, after) : null);
                w.WriteEndObject();
            });
        }

        return RespondBytes.Send(context, 200, body);
    }
}
