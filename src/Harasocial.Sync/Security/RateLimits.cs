using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Harasocial.Sync.Api;
using Harasocial.Sync.Tenants;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Security;

/// <summary>
/// Per-address and per-API-key limits (ASP.NET Core rate limiting, token buckets) in front of everything, so a flood
/// is turned away before it costs a storage read. Over a limit: 429 problem with Retry-After.
/// </summary>
internal static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ClientAddress>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, ClientAddress>((o, limits, addresses) =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(PerAddress(limits.Value, addresses), PerKey(limits.Value));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, cancellationToken) => RejectAsync(context.HttpContext, context.Lease, cancellationToken);
        });
        return services;
    }

    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static PartitionedRateLimiter<HttpContext> PerAddress(RateLimitOptions o, ClientAddress addresses) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http => addresses.Of(http) is { } address
            ? RateLimitPartition.GetTokenBucketLimiter(address, _ => Bucket(o.PerIpPermitsPerSecond, o.PerIpBurst))
            : RateLimitPartition.GetNoLimiter(string.Empty));

    /// <summary>Partitioned by a hash of the key, so the limiter never holds a key itself.</summary>
    private static PartitionedRateLimiter<HttpContext> PerKey(RateLimitOptions o) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http => http.Request.Headers[ApiKeyAuthMiddleware.Header].ToString() is { Length: > 0 } key
            ? RateLimitPartition.GetTokenBucketLimiter(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))), _ => Bucket(o.PerKeyPermitsPerSecond, o.PerKeyBurst))
            : RateLimitPartition.GetNoLimiter(string.Empty));

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public static ValueTask RejectAsync(HttpContext http, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(Problems.Status(StatusCodes.Status429TooManyRequests, "Too many requests",
            $"This client or API key sent more requests than the service accepts; retry after {seconds} s.").ExecuteAsync(http));
    }
}
