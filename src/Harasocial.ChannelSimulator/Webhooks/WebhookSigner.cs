using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Harasocial.ChannelSimulator.Webhooks;

/// <summary>Signs webhook bodies exactly as WIRE.md says, per platform.</summary>
internal static class WebhookSigner
{
    public static (string Header, string Value) Sign(string channel, string body, ScenarioSecrets secrets, Uri target) => channel switch
    {
        Channels.Zalo => ("X-ZEvent-Signature", "mac=" + ZaloMac(body, secrets)),
        Channels.Shopee => ("Authorization", Hmac(secrets.ShopeePartnerKey, (secrets.ShopeePushUrl ?? target.ToString()) + "|" + body)),
        _ => ("X-Hub-Signature-256", "sha256=" + Hmac(secrets.MetaAppSecret, body)),
    };

    public static string Hmac(string key, string message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(message)));

    /// <summary>Plain SHA-256 of app_id + body + timestamp + OA secret key; app_id and timestamp come from the body.</summary>
    private static string ZaloMac(string body, ScenarioSecrets secrets)
    {
        string appId = secrets.ZaloAppId, timestamp = string.Empty;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                appId = Text(doc.RootElement, "app_id") ?? appId;
                timestamp = Text(doc.RootElement, "timestamp") ?? timestamp;
            }
        }
        catch (JsonException)
        {
            // Chaos bodies may be invalid JSON; sign with the defaults.
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(appId + body + timestamp + secrets.ZaloOaSecretKey)));
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
