using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Harasocial.ChannelSimulator;
using Harasocial.Functions.IntegrationTests.Tenants;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Security;

/// <summary>
/// What callers read is a stable reason, never exception text (the finding: a job's error carried raw exception text and
/// unauthenticated GET /api/health returned the storage exception message). The details go to the log.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SafeErrorTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Health_StorageUnreachable_503SaysSoWithoutHostOrExceptionText()
    {
        var port = FreePort.Next();
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1";
        await using var app = new AppFactory(azurite, settings: new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connection,
            ["Hosting:Triggers"] = "false", // no queue listener polling the dead endpoint meanwhile
        });
        using var client = app.CreateClient(apiKey: null);

        var problem = await TenantApiTests.AssertProblemAsync(await client.GetAsync(new Uri("/api/health", UriKind.Relative)), HttpStatusCode.ServiceUnavailable);

        var text = problem.ToJsonString();
        Assert.StartsWith("Storage unreachable", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var leak in new[] { "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "refused", "Exception", "devstoreaccount1" })
        {
            Assert.DoesNotContain(leak, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Job_StepFailsOnEveryAttempt_ErrorIsAStableReason()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Scenario.Parse("""
            { "seed": 195, "rateLimits": { "graphConversationCallsPerSecond": 0 },
              "accounts": [ { "channel": "facebook", "id": "1950001", "accessToken": "fb-err", "threads": [ { "count": 2, "ageDays": [0, 3], "messages": 2 } ] } ] }
            """));
        var (connection, first) = await harness.ConnectAsync("facebook", "1950001", "fb-err");
        await harness.WaitForJobAsync(first);
        harness.Simulator.State.Faults = new FaultSettings { ErrorRate = 1 };

        using var response = await harness.Client.PostAsJsonAsync($"/api/connections/{connection}/sync", new { kind = "resync" });
        var job = await harness.WaitForJobAsync(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["job"]!["id"]!.GetValue<string>(), TimeSpan.FromMinutes(2));

        Assert.Equal("failed", job["status"]!.GetValue<string>());
        Assert.Equal("Facebook did not answer (time-outs or server errors). The sync stopped after 5 attempts.", job["error"]!.GetValue<string>());
    }
}
