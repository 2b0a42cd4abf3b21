using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Harasocial.ChannelSimulator.Faults;
using Harasocial.ChannelSimulator.Webhooks;

namespace Harasocial.ChannelSimulator.Shopee;

/// <summary>Shopee request signing (HMAC-SHA256 with the partner key, 5-minute window), token check and error envelope.</summary>
internal static class ShopeeAuth
{
    public const string Prefix = "/shopee";

    public static PlatformCall Classify(HttpContext context, DateTimeOffset now)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var endpoint = path[(path.LastIndexOf('/') + 1)..] switch
        {
            "get_shop_info" => "shopee.get_shop_info",
            "get_conversation_list" => "shopee.get_conversation_list",
            "get_message" => "shopee.get_message",
            "send_message" => "shopee.send_message",
            "get" when path.Contains("/access_token/", StringComparison.Ordinal) => "shopee.refresh",
            _ => "shopee.other",
        };
        var shop = context.Request.Query["shop_id"].ToString();
        return new PlatformCall(Channels.Shopee, endpoint, shop.Length > 0 ? shop : null, now);
    }

    /// <summary>Checks sign and timestamp; for shop calls also the access token. Writes the error and returns null on failure.</summary>
    public static async Task<SimAccount?> AuthenticateAsync(HttpContext context, SimulatorState state, bool shopCall)
    {
        var q = context.Request.Query;
        var partnerId = q["partner_id"].ToString();
        var timestamp = q["timestamp"].ToString();
        var token = q["access_token"].ToString();
        var shopId = q["shop_id"].ToString();
        var path = (context.Request.Path.Value ?? string.Empty)[Prefix.Length..];
        var secrets = state.Secrets;
        var baseString = shopCall ? partnerId + path + timestamp + token + shopId : partnerId + path + timestamp;
        var expected = WebhookSigner.Hmac(secrets.ShopeePartnerKey, baseString);
        var fresh = long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ts)
            && Math.Abs(state.TimeProvider.GetUtcNow().ToUnixTimeSeconds() - ts) <= 300;
        if (partnerId != secrets.ShopeePartnerId.ToString(CultureInfo.InvariantCulture) || !fresh
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(q["sign"].ToString())))
        {
            await Error(context, 403, "error_sign", "Wrong sign.").ConfigureAwait(false);
            return null;
        }

        if (!shopCall)
        {
            return null;
        }

        SimAccount? account;
        lock (state.Gate)
        {
            account = state.FindAccount(shopId);
        }

        if (account is null || account.Channel != Channels.Shopee || state.CheckToken(account, token) != TokenCheck.Valid)
        {
            await Error(context, 403, "invalid_acceess_token", "Invalid access_token.").ConfigureAwait(false);
            return null;
        }

        return account;
    }

    public static Task Error(HttpContext context, int status, string error, string message) => Respond.Object(context, status, w =>
    {
        w.WriteString("request_id", RequestId(context));
        w.WriteString("error", error);
        w.WriteString("message", message);
    });

    public static string RequestId(HttpContext context) => Det.Hex(Det.Of(context.TraceIdentifier), Det.Of("rq" + context.TraceIdentifier), 32);
}
