namespace Harasocial.ChannelSimulator.Control;

/// <summary>The <c>/_sim</c> control API (README.md): a thin HTTP layer over <see cref="SimulatorState"/>.</summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        var sim = app.MapGroup("/_sim");
        sim.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context).ConfigureAwait(false);
            }
            catch (KeyNotFoundException ex)
            {
                return Results.NotFound(ex.Message);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or System.Text.Json.JsonException)
            {
                return Results.BadRequest(ex.Message);
            }
        });
        sim.MapGet("/accounts", (HttpContext c) => ControlJson.Accounts(c, state));
        sim.MapGet("/calls", (HttpContext c) => ControlJson.Calls(c, state));
        sim.MapDelete("/calls", () =>
        {
            state.ResetCallCounts();
            return Results.NoContent();
        });
        sim.MapGet("/sent", (HttpContext c) => ControlJson.Sent(c, state));
        sim.MapPut("/faults", async (HttpContext c) =>
        {
            var body = await ControlJson.ReadAsync(c).ConfigureAwait(false);
            state.Faults = new FaultSettings
            {
                ErrorRate = ControlJson.Number(body, "errorRate"),
                ThrottleRate = ControlJson.Number(body, "throttleRate"),
                Latency = TimeSpan.FromMilliseconds(ControlJson.Number(body, "latencyMs")),
                TimeoutRate = ControlJson.Number(body, "timeoutRate"),
                TimeoutDelay = TimeSpan.FromMilliseconds(ControlJson.Number(body, "timeoutDelayMs", 30000)),
                Endpoints = ControlJson.Texts(body, "endpoints") is { } endpoints ? endpoints.ToHashSet(StringComparer.Ordinal) : null,
                Accounts = ControlJson.Texts(body, "accounts") is { } accounts ? accounts.ToHashSet(StringComparer.Ordinal) : null,
            };
            return Results.NoContent();
        });
        sim.MapPost("/scenario", async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body);
            state.LoadScenario(Scenario.Parse(await reader.ReadToEndAsync(c.RequestAborted).ConfigureAwait(false)));
            return Results.NoContent();
        });
        sim.MapPut("/webhook-target", async (HttpContext c) =>
        {
            var url = ControlJson.Text(await ControlJson.ReadAsync(c).ConfigureAwait(false), "baseUrl");
            state.WebhookTarget = string.IsNullOrEmpty(url) ? null : new Uri(url.EndsWith('/') ? url : url + "/");
            return Results.NoContent();
        });
        MapAccountActions(sim, state);
    }

    private static void MapAccountActions(RouteGroupBuilder sim, SimulatorState state)
    {
        sim.MapPost("/{channel}/{accountId}/messages", async (HttpContext c, string channel, string accountId) =>
        {
            var body = await ControlJson.ReadAsync(c).ConfigureAwait(false);
            var at = ControlJson.Text(body, "at") is { } s ? DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
            var id = state.AddInboundMessage(channel, accountId, ControlJson.Text(body, "customerId") ?? string.Empty,
                ControlJson.Text(body, "text") ?? string.Empty, at);
            return Results.Text(JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("messageId", id);
                w.WriteEndObject();
            }), "application/json");
        });
        sim.MapPost("/{channel}/{accountId}/replies", async (HttpContext c, string channel, string accountId) =>
        {
            var body = await ControlJson.ReadAsync(c).ConfigureAwait(false);
            var id = state.AddSellerReply(channel, accountId, ControlJson.Text(body, "customerId") ?? string.Empty, ControlJson.Text(body, "text") ?? string.Empty);
            return Results.Text(JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("messageId", id);
                w.WriteEndObject();
            }), "application/json");
        });
        sim.MapPost("/{channel}/{accountId}/threads/{customerId}/folder", async (HttpContext c, string channel, string accountId, string customerId) =>
        {
            var body = await ControlJson.ReadAsync(c).ConfigureAwait(false);
            state.MoveThread(channel, accountId, customerId, ControlJson.Text(body, "folder") ?? "inbox");
            return Results.NoContent();
        });
        foreach (var action in new[] { "follow", "unfollow" })
        {
            sim.MapPost("/zalo/{oaId}/users/{userId}/" + action, (string oaId, string userId) =>
            {
                state.SetFollower(oaId, userId, action == "follow");
                return Results.NoContent();
            });
        }

        sim.MapPost("/{channel}/{accountId}/token/expire", (string channel, string accountId) =>
        {
            _ = state.RequireAccount(accountId, channel);
            state.ExpireAccessToken(accountId);
            return Results.NoContent();
        });
        sim.MapPost("/{channel}/{accountId}/token/reissue", (string channel, string accountId) =>
        {
            _ = state.RequireAccount(accountId, channel);
            var tokens = state.ReissueTokens(accountId);
            return Results.Text(JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("accessToken", tokens.AccessToken);
                w.WriteString("refreshToken", tokens.RefreshToken);
                w.WriteEndObject();
            }), "application/json");
        });
        sim.MapPost("/{channel}/{accountId}/token/revoke", (string channel, string accountId) =>
        {
            _ = state.RequireAccount(accountId, channel);
            state.RevokeTokens(accountId);
            return Results.NoContent();
        });
    }
}
