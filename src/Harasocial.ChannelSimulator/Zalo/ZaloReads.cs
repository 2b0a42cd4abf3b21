using System.Text.Json;

namespace Harasocial.ChannelSimulator.Zalo;

/// <summary>
/// <c>getoa</c> (the OA of the token), <c>listrecentchat</c> (newest first, in the account's <see cref="RecentChatRows"/>
/// reading: one row per customer, or one row per message of every customer), <c>conversation</c> and <c>user/detail</c>.
/// </summary>
internal static class ZaloReads
{
    public const int MaxCount = 10;

    /// <summary><c>GET /v2.0/oa/getoa</c>: the OA the header token belongs to, whatever OA the caller has in mind.</summary>
    public static async Task OaAsync(HttpContext context, SimulatorState state)
    {
        if (await ZaloAuth.AuthenticateAsync(context, state).ConfigureAwait(false) is not { } oa)
        {
            return;
        }

        int followers;
        lock (state.Gate)
        {
            followers = oa.ByCustomer.Values.Count(t => t.IsFollower) + oa.OtherFollowers.Values.Count(f => f);
        }

        await Respond.Object(context, 200, w =>
        {
            w.WriteNumber("error", 0);
            w.WriteString("message", "Success");
            w.WriteStartObject("data");
            w.WriteString("oa_id", oa.Id);
            w.WriteString("name", oa.Name);
            w.WriteString("description", "Simulated Official Account");
            w.WriteString("avatar", ZaloRows.Avatar(oa.Id));
            w.WriteString("cover", ZaloRows.Avatar("cover" + oa.Id));
            w.WriteBoolean("is_verified", true);
            w.WriteNumber("num_follower", followers);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public static async Task RecentAsync(HttpContext context, SimulatorState state)
    {
        if (await ZaloAuth.AuthenticateAsync(context, state).ConfigureAwait(false) is not { } oa
            || await Paging(context) is not { } paging)
        {
            return;
        }

        await Ok(context, state, w =>
        {
            if (oa.Spec.RecentChatRows == RecentChatRows.Message)
            {
                foreach (var (thread, message) in MessageStream.Of(oa).Page(paging.Offset, paging.Count))
                {
                    ZaloRows.Row(w, oa, thread, message);
                }

                return;
            }

            var list = oa.Folder("inbox");
            for (var i = paging.Offset; i < Math.Min(list.Count, paging.Offset + paging.Count); i++)
            {
                var thread = list[i];
                ZaloRows.Row(w, oa, thread, MessageFactory.Get(oa.Channel, thread, thread.MessageCount - 1));
            }
        }).ConfigureAwait(false);
    }

    public static async Task ConversationAsync(HttpContext context, SimulatorState state)
    {
        if (await ZaloAuth.AuthenticateAsync(context, state).ConfigureAwait(false) is not { } oa
            || await Paging(context) is not { } paging)
        {
            return;
        }

        if (await Thread(context, state, oa, paging.Data) is not { } thread)
        {
            return;
        }

        await Ok(context, state, w =>
        {
            foreach (var m in MessageFactory.NewestFirst(oa.Channel, thread, paging.Offset, paging.Count))
            {
                ZaloRows.Row(w, oa, thread, m);
            }
        }).ConfigureAwait(false);
    }

    public static async Task UserDetailAsync(HttpContext context, SimulatorState state)
    {
        if (await ZaloAuth.AuthenticateAsync(context, state).ConfigureAwait(false) is not { } oa)
        {
            return;
        }

        var userId = ZaloRows.Data(context) is { } data ? ZaloRows.Text(data, "user_id") : null;
        string? name = null;
        var follower = false;
        lock (state.Gate)
        {
            if (userId is not null && oa.ByCustomer.TryGetValue(userId, out var thread))
            {
                (name, follower) = (thread.CustomerName, thread.IsFollower);
            }
            else if (userId is not null && oa.OtherFollowers.TryGetValue(userId, out var f))
            {
                (name, follower) = (Phrases.PersonName(Det.Of(userId)), f);
            }
        }

        if (name is null)
        {
            await ZaloAuth.Error(context, -201, "user_id is invalid").ConfigureAwait(false);
            return;
        }

        await Respond.Object(context, 200, w =>
        {
            w.WriteNumber("error", 0);
            w.WriteString("message", "Success");
            w.WriteStartObject("data");
            w.WriteString("user_id", userId);
            w.WriteString("user_id_by_app", "app" + userId);
            w.WriteString("display_name", name);
            w.WriteString("avatar", ZaloRows.Avatar(userId!));
            w.WriteBoolean("user_is_follower", follower);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    internal static async Task<SimThread?> Thread(HttpContext context, SimulatorState state, SimAccount oa, JsonElement data)
    {
        var userId = ZaloRows.Text(data, "user_id");
        SimThread? thread = null;
        lock (state.Gate)
        {
            if (userId is not null)
            {
                oa.ByCustomer.TryGetValue(userId, out thread);
            }
        }

        if (thread is null)
        {
            await ZaloAuth.Error(context, -201, "user_id is invalid").ConfigureAwait(false);
        }

        return thread;
    }

    private static async Task<(int Offset, int Count, JsonElement Data)?> Paging(HttpContext context)
    {
        if (ZaloRows.Data(context) is not { } data
            || ZaloRows.Int(data, "offset", 0) is not { } offset || ZaloRows.Int(data, "count", MaxCount) is not { } count
            || offset < 0 || count < 1)
        {
            await ZaloAuth.Error(context, -201, "Parameters are invalid").ConfigureAwait(false);
            return null;
        }

        if (count > MaxCount)
        {
            await ZaloAuth.Error(context, -210, "count must be less than or equal to 10").ConfigureAwait(false);
            return null;
        }

        return (offset, count, data);
    }

    private static Task Ok(HttpContext context, SimulatorState state, Action<Utf8JsonWriter> rows)
    {
        byte[] body;
        lock (state.Gate)
        {
            body = JsonText.Utf8(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("error", 0);
                w.WriteString("message", "Success");
                w.WriteStartArray("data");
                rows(w);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        return RespondBytes.Send(context, 200, body);
    }
}
