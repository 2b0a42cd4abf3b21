using BitFaster.Caching.Lru;

namespace Harasocial.Sync.Tenants;

/// <summary>
/// Recently seen VALID API keys (by hash) and their tenant, so a request needs no storage read. Bounded: a concurrent
/// LRU (BitFaster.Caching, scan-resistant: one-off keys pass through without evicting the keys in steady use), and an
/// entry lives <see cref="CacheFor"/> (a deleted key stops working within that time). Invalid keys are never cached:
/// otherwise random keys would fill the cache and push the real ones out; they are rate limited per client instead
/// (<see cref="FailedKeyLimiter"/>).
/// </summary>
internal sealed class ApiKeyCache(TimeProvider time, int capacity = ApiKeyCache.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentLru<string, Entry> entries = new(capacity);

    public int Count => entries.Count;

    public bool TryGet(string keyHash, out string tenantId)
    {
        if (entries.TryGet(keyHash, out var entry) && entry.Until > time.GetUtcNow())
        {
            tenantId = entry.TenantId;
            return true;
        }

        tenantId = string.Empty;
        return false;
    }

    public void AddValid(string keyHash, string tenantId) => entries.AddOrUpdate(keyHash, new Entry(tenantId, time.GetUtcNow() + CacheFor));

    private sealed record Entry(string TenantId, DateTimeOffset Until);
}
