using Harasocial.ChannelSimulator.Faults;

namespace Harasocial.ChannelSimulator.Zalo;

/// <summary>Zalo classification, the <c>access_token</c> header check and error bodies (HTTP 200, negative codes).</summary>
internal static class ZaloAuth
{
    public static PlatformCall Classify(HttpContext context, SimulatorState state, DateTimeOffset now)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var endpoint = path switch
        {
            _ when path.EndsWith("/getoa", StringComparison.Ordinal) => "zalo.getoa",
            _ when path.EndsWith("/listrecentchat", StringComparison.Ordinal) => "zalo.listrecentchat",
            _ when path.EndsWith("/conversation", StringComparison.Ordinal) => "zalo.conversation",
            _ when path.EndsWith("/user/detail", StringComparison.Ordinal) => "zalo.user_detail",
            _ when path.EndsWith("/message/cs", StringComparison.Ordinal) => "zalo.send",
            _ when path.EndsWith("/access_token", StringComparison.Ordinal) => "zalo.refresh",
            _ => "zalo.other",
        };
        return new PlatformCall(Channels.Zalo, endpoint, FindByToken(state, context.Request.Headers["access_token"].ToString())?.Id, now);
    }

    public static SimAccount? FindByToken(SimulatorState state, string token)
    {
        lock (state.Gate)
        {
            return state.AllAccounts.FirstOrDefault(a => a.Channel == Channels.Zalo
                && (string.Equals(a.Tokens.AccessToken, token, StringComparison.Ordinal)
                    || string.Equals(a.Tokens.PreviousAccessToken, token, StringComparison.Ordinal)));
        }
    }

    /// <summary>The OA behind the header token, or null after writing -216/-220.</summary>
    public static async Task<SimAccount?> AuthenticateAsync(HttpContext context, SimulatorState state)
    {
        var token = context.Request.Headers["access_token"].ToString();
        var account = FindByToken(state, token);
        var check = account is null ? TokenCheck.Invalid : state.CheckToken(account, token);
        switch (check)
        {
            case TokenCheck.Valid:
                return account;
            case TokenCheck.Expired:
                await Error(context, -220, "Access token has expired").ConfigureAwait(false);
                return null;
            default:
                await Error(context, -216, "Access token is invalid").ConfigureAwait(false);
                return null;
        }
    }

    public static Task Error(HttpContext context, int code, string message) => Respond.Object(context, 200, w =>
    {
        w.WriteNumber("error", code);
        w.WriteString("message", message);
    });
}
