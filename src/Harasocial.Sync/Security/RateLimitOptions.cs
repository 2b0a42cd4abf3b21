using System.ComponentModel.DataAnnotations;

namespace Harasocial.Sync.Security;

/// <summary>
/// Request rate limits (section <c>RateLimits</c>), token buckets refilled every second. The defaults are generous on
/// purpose (a seller's dashboard makes about one request a second; the webhook benchmark sends ~1,200 a second from
/// one address): they stop a runaway client or a flood, not normal use. Tighten them for a deployment that knows its
/// callers.
/// </summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sustained requests per second per API key (tenant or admin key).</summary>
    [Range(1, 1_000_000)]
    public int PerKeyPermitsPerSecond { get; set; } = 100;

    /// <summary>Bucket size per API key: how many requests may come at once after a quiet spell.</summary>
    [Range(1, 10_000_000)]
    public int PerKeyBurst { get; set; } = 1_000;

    /// <summary>Sustained requests per second per client address (every route: webhooks, health, dashboard, API).</summary>
    [Range(1, 1_000_000)]
    public int PerIpPermitsPerSecond { get; set; } = 2_000;

    /// <summary>Bucket size per client address.</summary>
    [Range(1, 10_000_000)]
    public int PerIpBurst { get; set; } = 10_000;

    /// <summary>Unknown API keys a client address may try per minute (each costs a storage read: invalid keys are not cached).</summary>
    [Range(1, 1_000_000)]
    public int InvalidKeysPerMinutePerIp { get; set; } = 120;
}
