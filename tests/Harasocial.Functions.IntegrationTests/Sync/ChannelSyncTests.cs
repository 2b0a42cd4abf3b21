using System.Net;
using Harasocial.ChannelSimulator;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Sync;

[Collection(AzuriteCollection.Name)]
public sealed class ChannelSyncTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(30, 30)]
    [InlineData(80, 50)]
    public async Task Instagram_InitialSync_50NewestWith50MessagesEach(int threads, int expected)
    {
        var scenario = Scenario.Parse($$"""
            { "seed": {{threads}}, "rateLimits": { "graphConversationCallsPerSecond": 0 },
              "accounts": [ { "channel": "instagram", "id": "1784100001", "linkedPageId": "9990001", "accessToken": "ig-t",
                "threads": [ { "count": {{threads}}, "ageDays": [0, 200], "messages": [1, 70] } ],
                "posts": { "count": 7, "comments": [0, 9] } } ] }
            """);
        await using var harness = await SyncHarness.StartAsync(azurite, scenario);

        var (connectionId, jobId) = await harness.ConnectAsync("instagram", "1784100001", "ig-t", linkedPageId: "9990001");
        var job = await harness.WaitForJobAsync(jobId);

        Assert.Equal("completed", job["status"]!.GetValue<string>());
        var want = Expected.Newest(harness.Simulator, "instagram", "1784100001", 50);
        Assert.Equal(expected, want.Count);
        var stored = await harness.Stored(connectionId).MessagesByCustomerAsync();
        Assert.Equal(Expected.MessageCounts(want, _ => 50).OrderBy(kv => kv.Key, StringComparer.Ordinal), stored.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(5, job["progress"]!["posts"]!.GetValue<int>());
        Assert.True(job["progress"]!["comments"]!.GetValue<int>() <= 20);

        // Instagram details exist for the 20 newest messages only (channel-apis.md §2.3): older ones are kept as placeholders.
        var busiest = want.MaxBy(t => t.MessageCount)!;
        if (busiest.MessageCount > 20)
        {
            var conversation = $"{connectionId}.{Base64Url(busiest.CustomerId)}";
            var messages = await harness.GetJsonAsync($"/api/conversations/{conversation}/messages?limit=100");
            var items = messages["items"]!.AsArray();
            Assert.Equal(Math.Min(50, busiest.MessageCount), items.Count);
            Assert.All(items.Take(20), m => Assert.Null(m!["detailsUnavailable"]));
            Assert.All(items.Skip(20), m => Assert.True(m!["detailsUnavailable"]!.GetValue<bool>()));
        }
    }

    [Theory]
    [InlineData(40, 40)]
    [InlineData(150, 100)]
    public async Task Shopee_InitialSync_100NewestWith30MessagesEach_OverlapDeduplicated(int threads, int expected)
    {
        var scenario = Scenario.Parse($$"""
            { "seed": {{threads}}, "accounts": [ { "channel": "shopee", "id": "220000009", "accessToken": "sh-at", "refreshToken": "sh-rt",
                "threads": [ { "count": {{threads}}, "ageDays": [0, 90], "messages": [1, 45] } ] } ] }
            """);
        await using var harness = await SyncHarness.StartAsync(azurite, scenario);

        var (connectionId, jobId) = await harness.ConnectAsync("shopee", "220000009", "sh-at", "sh-rt");
        var job = await harness.WaitForJobAsync(jobId);

        Assert.Equal("completed", job["status"]!.GetValue<string>());
        var want = Expected.Newest(harness.Simulator, "shopee", "220000009", 100);
        Assert.Equal(expected, want.Count);
        var stored = await harness.Stored(connectionId).MessagesByCustomerAsync();
        Assert.Equal(Expected.MessageCounts(want, _ => 30).OrderBy(kv => kv.Key, StringComparer.Ordinal), stored.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(expected, job["progress"]!["conversations"]!.GetValue<int>());
    }

    [Fact]
    public async Task Zalo_InitialSync_100NewestFollowersFullUnfollowersOneMessage()
    {
        var scenario = Scenario.Parse("""
            { "seed": 21, "accounts": [ { "channel": "zalo", "id": "3000000000000000777", "accessToken": "z-at", "refreshToken": "z-rt",
                "threads": [ { "count": 140, "ageDays": [0, 150], "messages": [1, 130] } ], "unfollowerShare": 0.2 } ] }
            """);
        await using var harness = await SyncHarness.StartAsync(azurite, scenario);

        var (connectionId, jobId) = await harness.ConnectAsync("zalo", "3000000000000000777", "z-at", "z-rt");
        var job = await harness.WaitForJobAsync(jobId, TimeSpan.FromMinutes(1));

        Assert.Equal("completed", job["status"]!.GetValue<string>());
        var want = Expected.Newest(harness.Simulator, "zalo", "3000000000000000777", 100);
        Assert.Contains(want, t => !t.IsFollower);
        Assert.Contains(want, t => t.IsFollower && t.MessageCount > 100);
        var stored = await harness.Stored(connectionId).MessagesByCustomerAsync();
        Assert.Equal(
            Expected.MessageCounts(want, t => t.IsFollower ? 100 : 1).OrderBy(kv => kv.Key, StringComparer.Ordinal),
            stored.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        var unfollower = want.First(t => !t.IsFollower);
        var view = await harness.GetJsonAsync($"/api/conversations/{connectionId}.{Base64Url(unfollower.CustomerId)}");
        Assert.False(view["isFollower"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Zalo_LoadMore_Adds30UntilTheCapThen409()
    {
        var scenario = Scenario.Parse("""
            { "seed": 22, "accounts": [ { "channel": "zalo", "id": "3000000000000000888", "accessToken": "z-at", "refreshToken": "z-rt",
                "threads": [ { "count": 200, "ageDays": [0, 150], "messages": [1, 3] } ], "unfollowerShare": 0 } ] }
            """);

        // The cap is 1,500 in production (policy test below); a smaller cap walks the same code path quickly.
        await using var harness = await SyncHarness.StartAsync(azurite, scenario, new Dictionary<string, string?> { ["Sync:Policies:Zalo:LoadMoreMax"] = "160" });
        var (connectionId, jobId) = await harness.ConnectAsync("zalo", "3000000000000000888", "z-at", "z-rt");
        await harness.WaitForJobAsync(jobId, TimeSpan.FromMinutes(2));

        foreach (var total in new[] { 130, 160 })
        {
            using var response = await harness.Client.PostAsync(new Uri($"/api/connections/{connectionId}/conversations/load-more", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var job = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["job"]!["id"]!.GetValue<string>();
            Assert.Equal("completed", (await harness.WaitForJobAsync(job, TimeSpan.FromMinutes(2)))["status"]!.GetValue<string>());
            var stored = await harness.Stored(connectionId).CustomersAsync();
            Assert.Equal(Expected.Newest(harness.Simulator, "zalo", "3000000000000000888", total).Select(t => t.CustomerId).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        }

        using var past = await harness.Client.PostAsync(new Uri($"/api/connections/{connectionId}/conversations/load-more", UriKind.Relative), null);
        var problem = await Tenants.TenantApiTests.AssertProblemAsync(past, HttpStatusCode.Conflict);
        Assert.Contains("160", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    internal static string Base64Url(string value) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
