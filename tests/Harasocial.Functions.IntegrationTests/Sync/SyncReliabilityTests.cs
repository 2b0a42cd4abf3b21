using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Harasocial.ChannelSimulator;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Sync;

[Collection(AzuriteCollection.Name)]
public sealed class SyncReliabilityTests(AzuriteFixture azurite)
{
    internal static Scenario MixedScenario(int seed, int graphCallsPerSecond) => Scenario.Parse($$"""
        { "seed": {{seed}}, "rateLimits": { "graphConversationCallsPerSecond": {{graphCallsPerSecond}} },
          "accounts": [
            { "channel": "facebook", "id": "7770001", "accessToken": "fb-t",
              "threads": [ { "count": 30, "ageDays": [0, 29], "messages": [1, 70] }, { "count": 120, "ageDays": [31, 300], "messages": [1, 5] } ],
              "posts": { "count": 6, "comments": [0, 40] } },
            { "channel": "instagram", "id": "7770002", "linkedPageId": "7770003", "accessToken": "ig-t",
              "threads": [ { "count": 30, "ageDays": [0, 60], "messages": [1, 30] } ] },
            { "channel": "zalo", "id": "3000000000000007774", "accessToken": "z-at", "refreshToken": "z-rt",
              "threads": [ { "count": 25, "ageDays": [0, 100], "messages": [1, 25] } ], "unfollowerShare": 0.2 },
            { "channel": "shopee", "id": "7770005", "accessToken": "s-at", "refreshToken": "s-rt",
              "threads": [ { "count": 40, "ageDays": [0, 60], "messages": [1, 40] } ] } ] }
        """);

    /// <summary>Connects the four accounts of <see cref="MixedScenario"/>; returns connection id → job id by channel.</summary>
    internal static async Task<Dictionary<string, (string Connection, string Job)>> ConnectAllAsync(SyncHarness harness, HttpClient? client = null) => new()
    {
        ["facebook"] = await harness.ConnectAsync("facebook", "7770001", "fb-t", client: client),
        ["instagram"] = await harness.ConnectAsync("instagram", "7770002", "ig-t", linkedPageId: "7770003", client: client),
        ["zalo"] = await harness.ConnectAsync("zalo", "3000000000000007774", "z-at", "z-rt", client: client),
        ["shopee"] = await harness.ConnectAsync("shopee", "7770005", "s-at", "s-rt", client: client),
    };

    /// <summary>Asserts every connection holds exactly the conversations and messages the rules demand.</summary>
    internal static async Task AssertExactAsync(SyncHarness harness, Dictionary<string, (string Connection, string Job)> connections)
    {
        var sim = harness.Simulator;
        var expected = new Dictionary<string, Dictionary<string, int>>
        {
            ["facebook"] = Expected.MessageCounts(Expected.Facebook(sim, "7770001", DateTimeOffset.UtcNow), _ => 50),
            ["instagram"] = Expected.MessageCounts(Expected.Newest(sim, "instagram", "7770002", 50), _ => 50),
            ["zalo"] = Expected.MessageCounts(Expected.Newest(sim, "zalo", "3000000000000007774", 100), t => t.IsFollower ? 100 : 1),
            ["shopee"] = Expected.MessageCounts(Expected.Newest(sim, "shopee", "7770005", 100), _ => 30),
        };
        foreach (var (channel, (connection, _)) in connections)
        {
            var stored = await harness.Stored(connection).MessagesByCustomerAsync();
            Assert.True(
                expected[channel].OrderBy(kv => kv.Key, StringComparer.Ordinal).SequenceEqual(stored.OrderBy(kv => kv.Key, StringComparer.Ordinal)),
                $"{channel}: expected {expected[channel].Count} conversations / {expected[channel].Values.Sum()} messages, stored {stored.Count} / {stored.Values.Sum()}");
            var (conversations, listings) = await harness.Stored(connection).ConversationRowCountsAsync();
            Assert.Equal(conversations, listings);
        }
    }

    [Fact]
    public async Task EveryActivityRunTwice_SameDataAndCounts()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, MixedScenario(31, 0), services: ActivitiesTwice.Decorate);

        var connections = await ConnectAllAsync(harness);
        foreach (var (_, job) in connections.Values)
        {
            Assert.Equal("completed", (await harness.WaitForJobAsync(job, TimeSpan.FromMinutes(2)))["status"]!.GetValue<string>());
        }

        await AssertExactAsync(harness, connections);
        var facebookJob = await harness.GetJsonAsync($"/api/sync-jobs/{connections["facebook"].Job}");
        Console.WriteLine("JOB " + facebookJob.ToJsonString());
        var facebookStored = await harness.Stored(connections["facebook"].Connection).MessagesByCustomerAsync();
        Assert.Equal(facebookStored.Count, facebookJob["progress"]!["conversations"]!.GetValue<int>());
        Assert.Equal(facebookStored.Values.Sum(), facebookJob["progress"]!["messages"]!.GetValue<long>());
        var connection = await harness.GetJsonAsync($"/api/connections/{connections["facebook"].Connection}");
        Assert.Equal(facebookStored.Count, connection["counts"]!["conversations"]!.GetValue<int>());
    }

    [Fact]
    public async Task ChannelFaultsAndRateLimit_JobsCompleteExactly_CallRateNeverAboveTwoPerSecond()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, MixedScenario(32, 2));
        harness.Simulator.State.Faults = new FaultSettings { ErrorRate = 0.1, ThrottleRate = 0.05, Latency = TimeSpan.FromMilliseconds(20) };
        harness.AddInstance(); // two instances share the work and the per-account pacing

        var connections = await ConnectAllAsync(harness);
        foreach (var (_, job) in connections.Values)
        {
            Assert.Equal("completed", (await harness.WaitForJobAsync(job, TimeSpan.FromMinutes(4)))["status"]!.GetValue<string>());
        }

        harness.Simulator.State.Faults = new FaultSettings();
        await AssertExactAsync(harness, connections);
        Assert.True(harness.Simulator.State.CallCounts.Total > 0);
        // The simulator logs Instagram calls under the IG account id (the Page id is only in the path).
        foreach (var account in new[] { "7770001", "7770002" })
        {
            var rate = harness.Simulator.State.MaxCallsPerSecond(account, "graph.conversations");
            Assert.True(rate is >= 1 and <= 2, $"{account}: {rate} conversation-list calls in one second");
        }
    }

    [Fact]
    public async Task RevokedToken_ReauthRequiredWithReason_OtherConnectionsFinish()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, MixedScenario(33, 0));
        var connections = await ConnectAllAsync(harness);
        foreach (var (_, job) in connections.Values)
        {
            Assert.Equal("completed", (await harness.WaitForJobAsync(job))["status"]!.GetValue<string>());
        }

        // The sellers revoke the app on Facebook and Zalo after connecting (connect itself proves the token is live).
        harness.Simulator.State.RevokeTokens("7770001");
        harness.Simulator.State.RevokeTokens("3000000000000007774");
        var resyncs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (channel, (connection, _)) in connections)
        {
            using var response = await harness.Client.PostAsJsonAsync($"/api/connections/{connection}/sync", new { kind = "resync" });
            resyncs[channel] = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["job"]!["id"]!.GetValue<string>();
        }

        foreach (var (channel, reason) in new[] { ("facebook", "Facebook rejected the token. Reconnect the account."), ("zalo", "Zalo rejected the token. Reconnect the account.") })
        {
            var job = await harness.WaitForJobAsync(resyncs[channel]);
            Assert.Equal("failed", job["status"]!.GetValue<string>());
            // A stable reason, not the channel's or the runtime's text (the simulator says "Access token is invalid").
            Assert.Equal(reason, job["error"]!.GetValue<string>());
            var connection = await harness.GetJsonAsync($"/api/connections/{connections[channel].Connection}");
            Assert.Equal("reauth_required", connection["status"]!.GetValue<string>());
            Assert.Equal(reason, connection["statusReason"]!.GetValue<string>());
        }

        foreach (var channel in new[] { "instagram", "shopee" })
        {
            Assert.Equal("completed", (await harness.WaitForJobAsync(resyncs[channel]))["status"]!.GetValue<string>());
        }

        // Zalo was offered one refresh (with a revoked refresh token it fails) before giving up.
        Assert.Equal(0, harness.Simulator.State.RefreshCount("3000000000000007774"));
    }

    [Fact]
    public async Task ExpiredZaloToken_RefreshedOnceAndPersisted_JobCompletes()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, MixedScenario(34, 0));
        var (connection, first) = await harness.ConnectAsync("zalo", "3000000000000007774", "z-at", "z-rt");
        Assert.Equal("completed", (await harness.WaitForJobAsync(first, TimeSpan.FromMinutes(2)))["status"]!.GetValue<string>());
        var before = (await harness.Stored(connection).RowsAsync("connections", "seller")).Single().GetString("AccessToken");
        harness.Simulator.State.ExpireAccessToken("3000000000000007774");

        using var response = await harness.Client.PostAsJsonAsync($"/api/connections/{connection}/sync", new { kind = "resync" });
        var job = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["job"]!["id"]!.GetValue<string>();

        Assert.Equal("completed", (await harness.WaitForJobAsync(job, TimeSpan.FromMinutes(2)))["status"]!.GetValue<string>());
        Assert.Equal(1, harness.Simulator.State.RefreshCount("3000000000000007774"));
        var stored = (await harness.Stored(connection).RowsAsync("connections", "seller")).Single();
        Assert.DoesNotContain("z-at", stored.GetString("AccessToken"), StringComparison.Ordinal);
        Assert.NotEqual(before, stored.GetString("AccessToken"));
        Assert.Equal("active", (await harness.GetJsonAsync($"/api/connections/{connection}"))["status"]!.GetValue<string>());
    }
}
