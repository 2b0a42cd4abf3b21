using System.Net;
using System.Net.Http.Json;
using Harasocial.Functions.IntegrationTests.Tenants;
using Harasocial.Sync.Tenants;
using Harasocial.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests.Security;

/// <summary>
/// Per-key and per-address limits answer 429 problems with Retry-After (the finding: no rate limiting), unknown keys are
/// limited per address and never cached (the finding: invalid keys were cached and the cache cleared wholesale).
/// The test server gives every request the same (empty) client address.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RateLimitTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PerKey_OverTheBurst_429WithRetryAfter_OtherKeysUnaffected()
    {
        await using var app = new AppFactory(azurite, settings: new Dictionary<string, string?>
        {
            ["RateLimits:PerKeyPermitsPerSecond"] = "1",
            ["RateLimits:PerKeyBurst"] = "3",
        });
        var busy = await CreateTenantAsync(app, "busy-shop");
        var quiet = await CreateTenantAsync(app, "quiet-shop");
        using var busyClient = app.CreateClient(busy);
        using var quietClient = app.CreateClient(quiet);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await busyClient.GetAsync(new Uri("/api/connections", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        using var throttled = await busyClient.GetAsync(new Uri("/api/connections", UriKind.Relative));
        using var other = await quietClient.GetAsync(new Uri("/api/connections", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.NotNull(throttled.Headers.RetryAfter);
        await TenantApiTests.AssertProblemAsync(throttled, HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task PerAddress_OverTheBurst_429OnEveryRoute()
    {
        await using var app = new AppFactory(azurite, settings: new Dictionary<string, string?>
        {
            ["RateLimits:PerIpPermitsPerSecond"] = "1",
            ["RateLimits:PerIpBurst"] = "5",
        });
        using var client = app.CreateClient(apiKey: null);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        using var webhook = await client.PostAsync(new Uri("/api/webhooks/facebook", UriKind.Relative), new StringContent("{}"));

        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) is >= 5 and <= 7, string.Join(",", statuses));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        await TenantApiTests.AssertProblemAsync(webhook, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task UnknownKeys_NeverCached_LimitedPerAddress_ValidKeysCached()
    {
        await using var app = new AppFactory(azurite, settings: new Dictionary<string, string?> { ["RateLimits:InvalidKeysPerMinutePerIp"] = "5" });
        var valid = await CreateTenantAsync(app, "real-shop");
        using var seller = app.CreateClient(valid);
        Assert.Equal(HttpStatusCode.OK, (await seller.GetAsync(new Uri("/api/connections", UriKind.Relative))).StatusCode);
        var cache = app.Services.GetRequiredService<ApiKeyCache>();
        var before = cache.Count;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var client = app.CreateClient($"hsk_guess-{i}");
            using var response = await client.GetAsync(new Uri("/api/connections", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)), statuses);
        Assert.Equal(before, cache.Count);

        // The seller's key, valid a moment ago, is answered from the cache (no lookup), even from this address now.
        Assert.Equal(HttpStatusCode.OK, (await seller.GetAsync(new Uri("/api/connections", UriKind.Relative))).StatusCode);

        Assert.True(cache.TryGet(ApiKeyHasher.Hash(valid), out var tenant));
        Assert.Equal("real-shop", tenant);
    }

    private static async Task<string> CreateTenantAsync(AppFactory app, string id)
    {
        using var admin = app.CreateClient(AppFactory.AdminKey);
        using var response = await admin.PostAsJsonAsync("/api/tenants", new { id, name = id });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["apiKey"]!.GetValue<string>();
    }
}
