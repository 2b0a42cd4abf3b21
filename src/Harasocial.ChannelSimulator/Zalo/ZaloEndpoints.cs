namespace Harasocial.ChannelSimulator.Zalo;

/// <summary>Zalo routes under <c>/zalo/openapi</c> and <c>/zalo/oauth</c> (WIRE.md "Zalo OA").</summary>
internal static class ZaloEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapGet("/zalo/openapi/v2.0/oa/getoa", (HttpContext c) => ZaloReads.OaAsync(c, state));
        app.MapGet("/zalo/openapi/v2.0/oa/listrecentchat", (HttpContext c) => ZaloReads.RecentAsync(c, state));
        app.MapGet("/zalo/openapi/v2.0/oa/conversation", (HttpContext c) => ZaloReads.ConversationAsync(c, state));
        app.MapGet("/zalo/openapi/v3.0/oa/user/detail", (HttpContext c) => ZaloReads.UserDetailAsync(c, state));
        app.MapPost("/zalo/openapi/v3.0/oa/message/cs", (HttpContext c) => ZaloWrites.SendAsync(c, state));
        app.MapPost("/zalo/oauth/v4/oa/access_token", (HttpContext c) => ZaloWrites.RefreshAsync(c, state));
    }
}
