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
}
