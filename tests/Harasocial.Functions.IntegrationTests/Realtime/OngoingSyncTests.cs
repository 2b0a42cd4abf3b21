using System.Net;
using System.Net.Http.Json;
using Harasocial.ChannelSimulator;
using Harasocial.Functions.IntegrationTests.Sync;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Realtime;

[Collection(AzuriteCollection.Name)]
public sealed class OngoingSyncTests(AzuriteFixture azurite)
{
    private const string Oa = "3000000000000005551";

    [Fact]
    public async Task ZaloCustomerBeyondFirst100_Writes_ConversationAppearsWithSixMonthsOfHistory()
    {
        var scenario = Scenario.Parse($$"""
            { "seed": 81, "accounts": [ { "channel": "zalo", "id": "{{Oa}}", "accessToken": "z-at", "refreshToken": "z-rt",
                "threads": [ { "count": 100, "ageDays": [0, 20], "messages": [1, 3] }, { "count": 15, "ageDays": [30, 60], "messages": [120, 200] } ],
                "unfollowerShare": 0 } ] }
            """);
        await using var harness = await SyncHarness.StartAsync(azurite, scenario, kestrel: true);
        var (connection, job) = await harness.ConnectAsync("zalo", Oa, "z-at", "z-rt");
        await harness.WaitForJobAsync(job, TimeSpan.FromMinutes(2));
        var outsider = Expected.Threads(harness.Simulator, "zalo", Oa)[105];
        Assert.DoesNotContain(outsider.CustomerId, await harness.Stored(connection).CustomersAsync());

        harness.Simulator.State.AddInboundMessage("zalo", Oa, outsider.CustomerId, "Shop ơi, còn hàng không?");

        var history = Expected.Threads(harness.Simulator, "zalo", Oa).Single(t => t.CustomerId == outsider.CustomerId).Messages;
        var horizon = DateTimeOffset.UtcNow.AddDays(-183);
        var expected = history.Where(m => m.At >= horizon).Take(100).Count();
        await WebhookTests.WaitUntilAsync(
            async () => (await harness.Stored(connection).MessagesByCustomerAsync()).GetValueOrDefault(outsider.CustomerId) == expected,
            TimeSpan.FromSeconds(60));
        var jobs = await harness.GetJsonAsync($"/api/connections/{connection}/sync-jobs");
        Assert.Contains(jobs["items"]!.AsArray(), j => j!["kind"]!.GetValue<string>() == "backfill" && j["status"]!.GetValue<string>() == "completed");
        Assert.True(expected is > 1 and <= 100);
    }

    [Fact]
    public async Task Resync_RecoversAMessageWhoseWebhookWasNeverSent()
    {
        var scenario = Scenario.Parse("""
            { "seed": 82, "rateLimits": { "graphConversationCallsPerSecond": 0 },
              "accounts": [ { "channel": "facebook", "id": "6880001", "accessToken": "fb-t", "threads": [ { "count": 30, "ageDays": [1, 20], "messages": 4 } ] } ] }
            """);
        await using var harness = await SyncHarness.StartAsync(azurite, scenario);
        var (connection, job) = await harness.ConnectAsync("facebook", "6880001", "fb-t");
        await harness.WaitForJobAsync(job);
        var customer = Expected.Threads(harness.Simulator, "facebook", "6880001")[20].CustomerId;

        // No webhook target: the platform "lost" this webhook.
        var mid = harness.Simulator.State.AddInboundMessage("facebook", "6880001", customer, "Bạn ơi ship COD được không?");
        using var response = await harness.Client.PostAsJsonAsync($"/api/connections/{connection}/sync", new { kind = "resync" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var resync = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["job"]!["id"]!.GetValue<string>();
        await harness.WaitForJobAsync(resync);

        var messages = await harness.GetJsonAsync($"/api/conversations/{connection}.{ChannelSyncTests.Base64Url(customer)}/messages");
        Assert.Equal(mid, messages["items"]![0]!["externalId"]!.GetValue<string>());
        Assert.Equal(5, (await harness.Stored(connection).MessagesByCustomerAsync())[customer]);
        var list = await harness.GetJsonAsync($"/api/connections/{connection}/conversations?limit=1");
        Assert.Equal(customer, list["items"]![0]!["customer"]!["id"]!.GetValue<string>());
        var resyncJob = await harness.GetJsonAsync($"/api/sync-jobs/{resync}");
        Assert.Equal(1, resyncJob["progress"]!["conversations"]!.GetValue<int>());
    }

    [Fact]
    public async Task ResyncTimer_TwoInstances_RotatesAnExpiringZaloTokenExactlyOnce()
    {
        var scenario = Scenario.Parse($$"""
            { "seed": 83, "accounts": [ { "channel": "zalo", "id": "{{Oa}}", "accessToken": "z-at", "refreshToken": "z-rt",
                "threads": [ { "count": 3, "ageDays": [0, 5], "messages": 2 } ], "unfollowerShare": 0 } ] }
            """);
        await using var harness = await SyncHarness.StartAsync(azurite, scenario, new Dictionary<string, string?> { ["Sync:ResyncSchedule"] = "*/2 * * * * *" });
        harness.AddInstance();
        using var response = await harness.Client.PostAsJsonAsync("/api/connections", new
        {
            channel = "zalo", externalId = Oa, accessToken = "z-at", refreshToken = "z-rt", accessTokenExpiresAt = DateTimeOffset.UtcNow.AddMinutes(20),
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await WebhookTests.WaitUntilAsync(() => Task.FromResult(harness.Simulator.State.RefreshCount(Oa) >= 1), TimeSpan.FromSeconds(40));
        await Task.Delay(TimeSpan.FromSeconds(7)); // several more ticks on both instances

        Assert.Equal(1, harness.Simulator.State.RefreshCount(Oa));
        var connection = (await harness.GetJsonAsync("/api/connections"))["items"]![0]!;
        Assert.Equal("active", connection["status"]!.GetValue<string>());
        var jobs = await harness.GetJsonAsync($"/api/connections/{connection["id"]!.GetValue<string>()}/sync-jobs?limit=100");
        Assert.Contains(jobs["items"]!.AsArray(), j => j!["kind"]!.GetValue<string>() == "resync" && j["status"]!.GetValue<string>() == "completed");
    }
}
