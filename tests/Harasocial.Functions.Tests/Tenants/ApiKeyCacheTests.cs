using System.Globalization;
using Harasocial.Sync.Tenants;
using Harasocial.Functions.Tests.Support;

namespace Harasocial.Functions.Tests.Tenants;

/// <summary>The valid-key cache is bounded without ever being emptied at once, keeps the keys in use through a flood of
/// one-off keys, and forgets an entry after a minute.</summary>
public sealed class ApiKeyCacheTests
{
    [Fact]
    public void ManyKeys_CountStaysWithinCapacity_KeyInUseSurvivesAFloodOfOneOffKeys()
    {
        var cache = new ApiKeyCache(new ManualTimeProvider(DateTimeOffset.UnixEpoch), capacity: 100);
        cache.AddValid("hot", "shop-1");

        for (var i = 0; i < 5_000; i++)
        {
            cache.AddValid("k" + i.ToString(CultureInfo.InvariantCulture), "t");
            if (i % 10 == 0)
            {
                Assert.True(cache.TryGet("hot", out _), $"the key in use was evicted after {i} others");
            }
        }

        Assert.InRange(cache.Count, 90, 100);
        Assert.True(cache.TryGet("hot", out var tenant));
        Assert.Equal("shop-1", tenant);
    }

    [Fact]
    public void Entry_OlderThanAMinute_IsAMiss()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var cache = new ApiKeyCache(time);
        cache.AddValid("key", "shop-1");

        time.Now += TimeSpan.FromSeconds(59);
        Assert.True(cache.TryGet("key", out _));
        time.Now += TimeSpan.FromSeconds(2);
        Assert.False(cache.TryGet("key", out _));
    }
}
