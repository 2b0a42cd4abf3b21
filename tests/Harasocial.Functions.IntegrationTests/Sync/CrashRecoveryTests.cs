using System.Net;
using System.Net.Http.Json;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Sync;

[Collection(AzuriteCollection.Name)]
public sealed class CrashRecoveryTests(AzuriteFixture azurite)
{
    /// <summary>Seeds 1 and 2 always; all 10 when <c>HARASOCIAL_HEAVY=1</c> (README, heavy variants).</summary>
    public static TheoryData<int> Seeds() => HeavyVariants.Seeds(2, 10);

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task AppKilledMidSync_Restarted_JobsCompleteWithExactData(int seed)
    {
        await using var harness = await SyncHarness.StartAsync(azurite, SyncReliabilityTests.MixedScenario(40 + seed, 0));
        var environment = harness.ProcessEnvironment();

        // The in-process app only serves this test's API calls; the work is done by the OS process we kill.
        await harness.App.DisposeAsync();
        var random = new Random(seed);
        var app = await AppProcess.StartAsync(environment);
        using var client = app.CreateClient(harness.TenantKey);
        var connections = await SyncReliabilityTests.ConnectAllAsync(harness, client);

        for (var crash = 0; crash < 3; crash++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 1500)));
            app.Kill();
            await app.DisposeAsync();
            app = await AppProcess.StartAsync(environment);
        }

        try
        {
            using var after = app.CreateClient(harness.TenantKey);
            foreach (var (_, job) in connections.Values)
            {
                Assert.Equal("completed", (await harness.WaitForJobAsync(job, TimeSpan.FromMinutes(3), after))["status"]!.GetValue<string>());
            }
        }
        finally
        {
            await app.DisposeAsync();
        }

        await SyncReliabilityTests.AssertExactAsync(harness, connections);
    }

    /// <summary>
    /// A buyer's message schedules a spam-folder check 8 s later (a Durable timer in the page's spam watch). The process
    /// is killed while the timer runs and started again: the restarted process fires the timer from storage and imports
    /// the spam thread — not before the buyer's message is 8 s old, and within the lease takeover after it.
    /// </summary>
    [Fact]
    public async Task AppKilledDuringSpamTimer_Restarted_ThreadImportedAfterTheDelay()
    {
        const string page = "6990077";
        var scenario = Harasocial.ChannelSimulator.Scenario.Parse($$"""
            { "seed": 92, "rateLimits": { "graphConversationCallsPerSecond": 0 },
              "accounts": [ { "channel": "facebook", "id": "{{page}}", "accessToken": "fb-t",
                "threads": [ { "count": 3, "ageDays": [0, 2], "messages": 2 } ] } ] }
            """);
        await using var harness = await SyncHarness.StartAsync(azurite, scenario);
        var environment = harness.ProcessEnvironment();
        environment["Sync__SpamDelay"] = "00:00:08";
        await harness.App.DisposeAsync();
        var app = await AppProcess.StartAsync(environment);
        try
        {
            using var client = app.CreateClient(harness.TenantKey);
            var (connection, job) = await harness.ConnectAsync("facebook", page, "fb-t", client: client);
            var done = await harness.WaitForJobAsync(job, TimeSpan.FromMinutes(3), client);
            Assert.True(done["status"]!.GetValue<string>() == "completed", app.Output[^Math.Min(app.Output.Length, 20000)..]);
            using var patch = await client.PatchAsJsonAsync(new Uri($"api/connections/{connection}", UriKind.Relative), new { settings = new { syncSpam = true } });
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

            // A new buyer lands in Spam (no webhook for that); an inbox message's webhook schedules the check.
            harness.Simulator.State.AddInboundMessage("facebook", page, "5550000000000777", "Còn hàng không?");
            harness.Simulator.State.MoveThread("facebook", page, "5550000000000777", "spam");
            var written = DateTimeOffset.UtcNow;
            harness.Simulator.State.WebhookTarget = app.BaseUri;
            harness.Simulator.State.AddInboundMessage("facebook", page, Expected.Threads(harness.Simulator, "facebook", page)[0].CustomerId, "ping");
            await Task.Delay(TimeSpan.FromSeconds(3));
            app.Kill();
            await app.DisposeAsync();
            app = await AppProcess.StartAsync(environment);

            await Eventually.TrueAsync(async () => (await harness.Stored(connection).CustomersAsync("spam")).Contains("5550000000000777"), TimeSpan.FromSeconds(60));
            var after = DateTimeOffset.UtcNow - written;
            Assert.True(after >= TimeSpan.FromSeconds(8), $"imported after {after}");
            Assert.True(after <= TimeSpan.FromSeconds(8 + 1 + 6 + 15), $"imported after {after}");
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
