using Harasocial.ChannelSimulator;
using Harasocial.Sync.Channels.Graph;
using Harasocial.Sync.Channels.Shopee;
using Harasocial.Sync.Channels.Zalo;
using Harasocial.Functions.IntegrationTests.Sync;
using Harasocial.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests.Reliability;

[Collection(AzuriteCollection.Name)]
public sealed class ChannelFaultTests(AzuriteFixture azurite)
{
    /// <summary>
    /// 10% 5xx, 5% throttling, 20 ms latency and 3% timeouts on every platform call, across two instances, with the
    /// Graph limiter at 2/s: every job completes with exactly the data the rules demand and the pacing holds.
    /// The app has no setting for the channel HttpClient timeout (ChannelHttp.Timeout, 30 s), so the test shortens it
    /// to 1 s on the named clients to make the simulator's 3 s delay a real client timeout (a transient error).
    /// </summary>
    [Fact]
    public async Task FaultsThrottlingLatencyAndTimeouts_JobsCompleteExactly_RateLimitsRespected()
    {
        var logs = new CapturedLogs();
        await using var harness = await SyncHarness.StartAsync(azurite, SyncReliabilityTests.MixedScenario(36, 2), services: s =>
        {
            foreach (var name in new[] { GraphHttp.ClientName, ZaloHttp.ClientName, ShopeeHttp.ClientName })
            {
                s.AddHttpClient(name).ConfigureHttpClient(c => c.Timeout = TimeSpan.FromSeconds(1));
            }

            logs.AddTo(s);
        });
        harness.Simulator.State.Faults = new FaultSettings
        {
            ErrorRate = 0.1, ThrottleRate = 0.05, Latency = TimeSpan.FromMilliseconds(20), TimeoutRate = 0.03, TimeoutDelay = TimeSpan.FromSeconds(3),
        };
        harness.AddInstance();

        var connections = await SyncReliabilityTests.ConnectAllAsync(harness);
        foreach (var (_, job) in connections.Values)
        {
            var done = await harness.WaitForJobAsync(job, TimeSpan.FromMinutes(5));
            Assert.True(done["status"]!.GetValue<string>() == "completed", done.ToJsonString());
        }

        harness.Simulator.State.Faults = new FaultSettings();
        await SyncReliabilityTests.AssertExactAsync(harness, connections);
        Assert.True(harness.Simulator.State.ThrottledCount > 0, "no throttle answer was given");
        Assert.Contains(logs.Lines, l => l.Contains("The request timed out.", StringComparison.Ordinal));
        foreach (var account in new[] { "7770001", "7770002" })
        {
            var rate = harness.Simulator.State.MaxCallsPerSecond(account, "graph.conversations");
            Assert.True(rate is >= 1 and <= 2, $"{account}: {rate} conversation-list calls in one second");
        }
    }
}
