namespace Harasocial.ChannelSimulator.Graph;

/// <summary>
/// Node reads the app makes to prove who a token belongs to: <c>GET /me</c> (with a Page token: the Page) and
/// <c>GET /{page-id}?fields=id,name,instagram_business_account{id,username}</c> (the IG account linked to the Page).
/// A token valid for another account answers what Graph answers for a Page it has no role on (code 100, subcode 33).
/// </summary>
internal static class GraphNodes
{
    public static async Task MeAsync(HttpContext context, SimulatorState state)
    {
        var token = GraphLookup.BearerToken(context);
        var account = GraphLookup.ByToken(state, token);
        var check = account is null ? TokenCheck.Invalid : state.CheckToken(account, token);
        if (check != TokenCheck.Valid)
        {
            await GraphErrors.Token(context, check).ConfigureAwait(false);
            return;
        }

        var fields = Fields.Parse(context.Request.Query["fields"].ToString());
        string id;
        string name;
        lock (state.Gate)
        {
            // An Instagram account's token is its linked Page's token: /me is that Page.
            (id, name) = account!.Channel == Channels.Instagram ? (account.ListingId, PageName(state, account.ListingId)) : (account.Id, account.Name);
        }

        await Respond.Object(context, 200, w =>
        {
            w.WriteString("id", id);
            if (fields.Has("name"))
            {
                w.WriteString("name", name);
            }
        }).ConfigureAwait(false);
    }

    public static async Task NodeAsync(HttpContext context, SimulatorState state, string id)
    {
        var token = GraphLookup.BearerToken(context);
        var account = GraphLookup.Resolve(state, id, null);
        if (account is null)
        {
            await GraphAuth.NotFound(context, id).ConfigureAwait(false);
            return;
        }

        var check = state.CheckToken(account, token);
        if (check != TokenCheck.Valid)
        {
            // A token of some other account is valid, just not for this Page: Graph hides the node (100/33).
            await (check == TokenCheck.Invalid && GraphLookup.ByToken(state, token) is { } other && state.CheckToken(other, token) == TokenCheck.Valid
                ? GraphAuth.NotFound(context, id)
                : GraphErrors.Token(context, check)).ConfigureAwait(false);
            return;
        }

        var fields = Fields.Parse(context.Request.Query["fields"].ToString());
        string name;
        SimAccount? instagram;
        lock (state.Gate)
        {
            name = PageName(state, id);
            instagram = state.AllAccounts.FirstOrDefault(a => a.Channel == Channels.Instagram && a.Spec.LinkedPageId == id);
        }

        await Respond.Object(context, 200, w =>
        {
            w.WriteString("id", id);
            if (fields.Has("name"))
            {
                w.WriteString("name", name);
            }

            if (fields.Has("instagram_business_account") && instagram is not null)
            {
                w.WriteStartObject("instagram_business_account");
                w.WriteString("id", instagram.Id);
                if (fields.Sub("instagram_business_account").Has("username"))
                {
                    w.WriteString("username", instagram.Name);
                }

                w.WriteEndObject();
            }
        }).ConfigureAwait(false);
    }

    /// <summary>A scenario Page's own name; a Page that only exists as an IG account's linked Page is named after it.</summary>
    private static string PageName(SimulatorState state, string pageId) =>
        state.FindAccount(pageId) is { Channel: Channels.Facebook } page ? page.Name
        : state.AllAccounts.FirstOrDefault(a => a.Channel == Channels.Instagram && a.Spec.LinkedPageId == pageId) is { } ig ? ig.Name + " (Page)"
        : pageId;

    /// <summary>A Graph <c>fields</c> list: top-level names, with <c>{…}</c> expansions kept per name.</summary>
    private sealed class Fields(Dictionary<string, string> items)
    {
        public bool Has(string name) => items.ContainsKey(name);

        public Fields Sub(string name) => Parse(items.GetValueOrDefault(name) ?? string.Empty);

        public static Fields Parse(string text)
        {
            var items = new Dictionary<string, string>(StringComparer.Ordinal);
            var depth = 0;
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                var c = i < text.Length ? text[i] : ',';
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (c == ',' && depth == 0)
                {
                    var part = text[start..i].Trim();
                    var brace = part.IndexOf('{', StringComparison.Ordinal);
                    if (part.Length > 0)
                    {
                        items[brace < 0 ? part : part[..brace]] = brace < 0 ? string.Empty : part[(brace + 1)..^1];
                    }

                    start = i + 1;
                }
            }

            return new Fields(items);
        }
    }
}
