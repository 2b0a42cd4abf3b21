using System.Diagnostics;
using Harasocial.ChannelSimulator;
using Harasocial.Testing;

namespace Harasocial.Benchmarks;

/// <summary>
/// Benchmark 3: one Facebook page with 200 conversations while the simulator enforces 2 conversation-list calls per
/// second. Wall time (connect → job completed) against the pacing floor, the page's channel calls ÷ 2 per second.
/// </summary>
internal sealed class RateLimitBenchmark(AzuriteFixture azurite)
{
    public async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        // Two messages per thread keep storage time small next to the pacing this measures.
        await using var sim = await SimulatorServer.StartAsync(Scenarios.Facebook(1, 200, 2, graphCallsPerSecond: 2));
        await using var app = await AppHost.StartAsync(azurite, azurite.UniqueName("rate"), sim.BaseUri);
        var watch = Stopwatch.StartNew();
        var job = await app.ConnectAsync(new { channel = "facebook", externalId = Scenarios.FacebookPageId(0), accessToken = Scenarios.FacebookToken(0) });
        await app.WaitForJobsAsync([job], TimeSpan.FromMinutes(5));
        watch.Stop();

        var page = Scenarios.FacebookPageId(0);
        var counts = sim.State.CallCounts.ByAccount[page];
        // The ownership check at connect (GET /me) is not paced and not part of the import: left out of the floor.
        var calls = counts.Where(kv => kv.Key != "graph.me").Sum(kv => kv.Value);
        var floor = calls / 2.0;
        var ratio = watch.Elapsed.TotalSeconds / floor;
        return
        [
            new BenchResult(
                "3. Rate-limited wall time",
                $"{Format.F(watch.Elapsed.TotalSeconds)} s",
                $"{Format.F(floor)} s ({calls} calls / 2)",
                ratio,
                "<= 1.2",
                ratio <= 1.2,
                $"1 Facebook page, 200 conversations x 2 messages, simulator limit 2 conversation calls/s; calls " +
                string.Join(", ", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")) +
                $", throttled answers {sim.State.ThrottledCountFor(page)}, max conversation calls in 1 s {sim.State.MaxCallsPerSecond(page, "graph.conversations")}"),
        ];
    }
}
