namespace Harasocial.ChannelSimulator.Graph;

internal static class GraphAuth
{
    /// <summary>True when the Bearer token is the account's valid token; otherwise writes error 190.</summary>
    public static async Task<bool> CheckAsync(HttpContext context, SimulatorState state, SimAccount account)
    {
        var check = state.CheckToken(account, GraphLookup.BearerToken(context));
        if (check == TokenCheck.Valid)
        {
            return true;
        }

        await GraphErrors.Token(context, check).ConfigureAwait(false);
        return false;
    }

    public static Task NotFound(HttpContext context, string id) => GraphErrors.Write(context, 400, 100,
        $"Unsupported get request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
        subcode: 33, type: "GraphMethodException");
}
