using Harasocial.ChannelSimulator.Faults;

namespace Harasocial.ChannelSimulator.Graph;

/// <summary>Maps a Graph path id (page, IG account, linked page, thread, post, media) to its account.</summary>
internal static class GraphLookup
{
    public static PlatformCall Classify(HttpContext context, SimulatorState state, DateTimeOffset now)
    {
        var segments = (context.Request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var id = segments.Length > 2 ? segments[2] : string.Empty;
        var edge = segments.Length > 3 ? segments[3] : string.Empty;
        var endpoint = edge switch
        {
            "conversations" => "graph.conversations",
            "messages" when HttpMethods.IsPost(context.Request.Method) => "graph.send",
            "messages" => "graph.messages",
            "published_posts" => "graph.published_posts",
            "media" => "graph.media",
            "comments" => "graph.comments",
            "" when id == "me" => "graph.me",
            "" => "graph.node",
            _ => "graph.other",
        };
        var account = id == "me" ? ByToken(state, BearerToken(context)) : Resolve(state, id, context.Request.Query["platform"].ToString());
        return new PlatformCall(account?.Channel ?? Channels.Facebook, endpoint, account?.Id ?? id, now);
    }

    public static SimAccount? Resolve(SimulatorState state, string id, string? platform)
    {
        lock (state.Gate)
        {
            var instagram = string.Equals(platform, "instagram", StringComparison.OrdinalIgnoreCase);
            var direct = state.FindAccount(id);
            if (direct is not null && Channels.IsGraph(direct.Channel) && !(instagram && direct.Channel == Channels.Facebook))
            {
                return direct;
            }

            foreach (var account in state.AllAccounts)
            {
                if (account.Channel == Channels.Instagram && account.Spec.LinkedPageId == id && (instagram || direct is null))
                {
                    return account;
                }
            }

            return direct ?? state.AllAccounts.FirstOrDefault(a =>
                Channels.IsGraph(a.Channel) && (a.ByThreadId.ContainsKey(id) || a.Posts.Exists(p => p.Id == id)));
        }
    }

    /// <summary>The Graph account whose current (or still valid previous) token this is; Pages before IG accounts.</summary>
    public static SimAccount? ByToken(SimulatorState state, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        lock (state.Gate)
        {
            return state.AllAccounts
                .Where(a => Channels.IsGraph(a.Channel)
                    && (string.Equals(a.Tokens.AccessToken, token, StringComparison.Ordinal) || string.Equals(a.Tokens.PreviousAccessToken, token, StringComparison.Ordinal)))
                .OrderBy(a => a.Channel == Channels.Facebook ? 0 : 1)
                .FirstOrDefault();
        }
    }

    public static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header[7..].Trim();
        }

        var query = context.Request.Query["access_token"].ToString();
        return query.Length > 0 ? query : null;
    }
}
