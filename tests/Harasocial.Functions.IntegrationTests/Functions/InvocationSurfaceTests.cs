using System.Net;
using System.Text;
using Harasocial.ChannelSimulator;
using Harasocial.Functions.Functions;
using Harasocial.Functions.IntegrationTests.Reliability;
using Harasocial.Functions.IntegrationTests.Tenants;
using Harasocial.Functions.Storage;
using Harasocial.Functions.Sync;
using Harasocial.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests.Functions;

/// <summary>
/// The queue and timer handlers have no unauthenticated HTTP surface: standalone mode maps no invocation route, and a
/// queue message that names one tenant's job with another tenant's connection is dropped.
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
        Assert.Equal(["DurableTimer", "SyncStep", "WebhookEvent", "Resync"], names);
        var scan = new StorageScan(azurite, harness.Prefix);
        var before = await scan.RowCountsAsync();
        var calls = harness.Simulator.State.CallCounts.Total;

        // What an attacker would send: the host's invocation payload around a forged message for each handler.
        var step = SyncQueue.Serialize(new StepEnvelope(StepTypes.Conversations, StepEnvelope.CurrentVersion, new SyncStep("seller", victim, victimJob, "x", null)));
        var webhook = """{"channel":"facebook","receivedAt":"2026-01-01T00:00:00Z","body":{"object":"page","entry":[]}}""";
        using var client = harness.App.CreateClient(apiKey: null);
        foreach (var name in names)
        {
            foreach (var contentType in new[] { "application/json", "text/plain" })
            {
                var message = name == "WebhookEvent" ? webhook : step;
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
    public async Task SyncStep_JobOfOneTenantConnectionOfAnother_DroppedWithoutCallingTheChannel()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, TwoShops);
        var (victim, victimJob) = await harness.ConnectAsync("facebook", "1910001", "fb-victim");
        Assert.Equal("completed", (await harness.WaitForJobAsync(victimJob))["status"]!.GetValue<string>());
        var attackerKey = await harness.CreateTenantAsync("attacker");
        using var attacker = harness.App.CreateClient(attackerKey);
        var (own, _) = await harness.ConnectAsync("facebook", "1910002", "fb-attacker", client: attacker);
        var calls = harness.Simulator.State.CallCounts.For("1910001", "graph.conversations");

        // A job of the attacker's own that is still open (as a running sync would be), and a step message that
        // carries that job id with the victim's tenant and connection.
        var jobs = harness.App.Services.GetRequiredService<JobStore>();
        var open = new JobEntity { PartitionKey = SyncJobs.NewJobId(DateTimeOffset.UtcNow), TenantId = "attacker", ConnectionId = own, Kind = JobKinds.Resync, Phase = "queued", Pending = 1, CreatedAt = DateTimeOffset.UtcNow };
        await jobs.CreateAsync(open, CancellationToken.None);
        var forged = new SyncStep("seller", victim, open.PartitionKey, "conversations:forged", null, Target: 100);
        await using (var scope = harness.App.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<SyncStepHandler>();
            var text = SyncQueue.Serialize(new StepEnvelope(StepTypes.Conversations, StepEnvelope.CurrentVersion, forged));
            await handler.HandleAsync(text, new QueueMessageContext("m1", 1, null), CancellationToken.None);
        }

        Assert.Equal(calls, harness.Simulator.State.CallCounts.For("1910001", "graph.conversations"));
        var after = await jobs.GetAsync(open.PartitionKey, CancellationToken.None);
        Assert.Equal((0, 0L, 1), (after!.Conversations, after.ApiCalls, after.Pending));
    }
}
