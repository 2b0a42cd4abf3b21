using System.Net;
using System.Text;
using Harasocial.ChannelSimulator;
using Harasocial.Sync.Functions;
using Harasocial.Functions.IntegrationTests.Reliability;
using Harasocial.Functions.IntegrationTests.Tenants;
using Harasocial.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests.Functions;

/// <summary>
/// The queue and timer handlers have no unauthenticated HTTP surface: standalone mode maps no invocation route. Sync
/// work runs only in Durable orchestrations, reached through the task hub (a private socket), never over HTTP; a job
/// id of another tenant is as good as absent.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InvocationSurfaceTests(AzuriteFixture azurite)
{
    private static readonly Scenario TwoShops = Scenario.Parse("""
        { "seed": 191, "rateLimits": { "graphConversationCallsPerSecond": 0 },
          "accounts": [
            { "channel": "facebook", "id": "1910001", "accessToken": "fb-victim", "threads": [ { "count": 3, "ageDays": [0, 5], "messages": 2 } ] },
            { "channel": "facebook", "id": "1910002", "accessToken": "fb-attacker", "threads": [ { "count": 1, "ageDays": [0, 5], "messages": 1 } ] } ] }
        """);

    [Fact]
    public async Task Standalone_EveryQueueAndTimerFunctionPosted_404_NothingStoredOrRun()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, TwoShops);
        var (victim, victimJob) = await harness.ConnectAsync("facebook", "1910001", "fb-victim");
        Assert.Equal("completed", (await harness.WaitForJobAsync(victimJob))["status"]!.GetValue<string>());
        var table = harness.App.Services.GetRequiredService<FunctionTable>();
        var names = table.Queues.Select(q => q.Name).Concat(table.Timers.Select(t => t.Name)).ToList();
        Assert.Equal(["WebhookEvent", "Resync"], names);
        var scan = new StorageScan(azurite, harness.Prefix);
        var before = await scan.RowCountsAsync();
        var calls = harness.Simulator.State.CallCounts.Total;

        // What an attacker would send: the host's invocation payload around a forged message for each handler, and the
        // names the sync work runs under in the task hub.
        names.AddRange(["InitialSync", "ConnectionResync", "ImportConversationPage"]);
        var webhook = """{"channel":"facebook","receivedAt":"2026-01-01T00:00:00Z","body":{"object":"page","entry":[]}}""";
        using var client = harness.App.CreateClient(apiKey: null);
        foreach (var name in names)
        {
            foreach (var contentType in new[] { "application/json", "text/plain" })
            {
                var message = name == "WebhookEvent" ? webhook : $$"""{"tenantId":"seller","connectionId":"{{victim}}","jobId":"{{victimJob}}"}""";
                var payload = "{\"Data\":{\"message\":" + System.Text.Json.JsonSerializer.Serialize(message)
                    + ",\"timer\":{\"IsPastDue\":true}},\"Metadata\":{\"DequeueCount\":1,\"Id\":\"forged\"}}";
                using var content = new StringContent(payload, Encoding.UTF8, contentType);
                using var response = await client.PostAsync(new Uri("/" + name, UriKind.Relative), content);
                await TenantApiTests.AssertProblemAsync(response, HttpStatusCode.NotFound);
            }
        }

        await Task.Delay(1000); // anything a forged message had started would have written by now
        Assert.Equal(before, await scan.RowCountsAsync());
        Assert.Equal(calls, harness.Simulator.State.CallCounts.Total);
        Assert.Contains("webhooks: 0 messages", await harness.QueueReportAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncJob_OfAnotherTenant_ReadAndCancel404_JobRunsOn()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, TwoShops);
        var (_, victimJob) = await harness.ConnectAsync("facebook", "1910001", "fb-victim");
        var attackerKey = await harness.CreateTenantAsync("attacker");
        using var attacker = harness.App.CreateClient(attackerKey);

        using (var read = await attacker.GetAsync(new Uri($"/api/sync-jobs/{victimJob}", UriKind.Relative)))
        {
            await TenantApiTests.AssertProblemAsync(read, HttpStatusCode.NotFound);
        }

        using (var cancel = await attacker.PostAsync(new Uri($"/api/sync-jobs/{victimJob}/cancel", UriKind.Relative), null))
        {
            await TenantApiTests.AssertProblemAsync(cancel, HttpStatusCode.NotFound);
        }

        Assert.Equal("completed", (await harness.WaitForJobAsync(victimJob))["status"]!.GetValue<string>());
    }
}
