namespace Harasocial.Sync.Channels.Zalo;

/// <summary>`Channels:Zalo` (SPEC §5). Two different secrets: AppSecret (OAuth `secret_key` header) and
/// OaSecretKey (webhook MAC only), see channel-apis.md §3.2.</summary>
internal sealed class ZaloOptions
{
    public const string Section = "Channels:Zalo";

    public string OpenApiBaseUrl { get; set; } = "https://openapi.zalo.me";

    public string OAuthBaseUrl { get; set; } = "https://oauth.zaloapp.com";

    public string AppId { get; set; } = "";

    public string AppSecret { get; set; } = "";

    /// <summary>Webhook MAC key; empty (dev) makes every signature check fail closed.</summary>
    public string OaSecretKey { get; set; } = "";
}
