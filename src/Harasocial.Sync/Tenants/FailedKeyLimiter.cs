using System.Threading.RateLimiting;
using Harasocial.Sync.Security;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Tenants;

/// <summary>
/// Unknown API keys per client address and minute (<see cref="RateLimitOptions.InvalidKeysPerMinutePerIp"/>). Invalid
/// keys are not cached, so each costs a storage read: past the limit the address gets 429 without one.
/// </summary>
internal sealed class FailedKeyLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.InvalidKeysPerMinutePerIp,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Null when the address may try another unknown key; else the lease that says how long to wait.</summary>
    public RateLimitLease? Refusal(string address)
    {
        var probe = limiter.AttemptAcquire(address, 0);
        if (probe.IsAcquired)
        {
            probe.Dispose();
            return null;
        }

        return probe;
    }

    public void RecordFailure(string address) => limiter.AttemptAcquire(address).Dispose();

    public void Dispose() => limiter.Dispose();
}
