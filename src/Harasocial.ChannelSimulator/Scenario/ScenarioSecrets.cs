namespace Harasocial.ChannelSimulator;

/// <summary>App and partner secrets the simulator signs webhooks and checks requests with.</summary>
public sealed record ScenarioSecrets
{
    public string MetaAppSecret { get; set; } = "sim-meta-secret";
    public string MetaAppId { get; set; } = "100200300";
    public string ZaloAppId { get; set; } = "2000000001";
    public string ZaloAppSecret { get; set; } = "sim-zalo-app-secret";
    public string ZaloOaSecretKey { get; set; } = "sim-zalo-oa-secret";
    public long ShopeePartnerId { get; set; } = 1000001;
    public string ShopeePartnerKey { get; set; } = "sim-shopee-partner-key";

    /// <summary>The push URL as registered with Shopee; signs pushes. Null → the URL actually posted to.</summary>
    public string? ShopeePushUrl { get; set; }
}

public sealed record ScenarioRateLimits
{
    /// <summary>Graph <c>/conversations</c> calls allowed per account in any sliding second; 0 = off.</summary>
    public int GraphConversationCallsPerSecond { get; set; } = 2;
}
