namespace Harasocial.Sync.Channels.Facebook;

/// <summary>`Channels:Facebook` (SPEC §5). Also used by Instagram (same Graph host and app).</summary>
internal sealed class FacebookOptions
{
    public const string Section = "Channels:Facebook";

    public string GraphApiBaseUrl { get; set; } = "https://graph.facebook.com/v25.0";

    public string AppId { get; set; } = "";

    /// <summary>Webhook HMAC key; empty (dev) makes every signature check fail closed.</summary>
    public string AppSecret { get; set; } = "";

    public string VerifyToken { get; set; } = "";
}
