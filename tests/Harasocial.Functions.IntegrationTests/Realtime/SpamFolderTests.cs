using System.Net;
using System.Net.Http.Json;
using Harasocial.ChannelSimulator;
using Harasocial.Functions.IntegrationTests.Sync;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Realtime;

[Collection(AzuriteCollection.Name)]
public sealed class SpamFolderTests(AzuriteFixture azurite)
{
    private const string Page = "6990001";

    [Fact]
    public async Task SpamFolder_RealClock_ImportedAfterTheDelay_ReplyMovesToInbox()
    {
        var scenario = Scenario.Parse($$"""
            { "seed": 91, "rateLimits": { "graphConversationCallsPerSecond": 0 },
              "accounts": [ { "channel": "facebook", "id": "{{Page}}", "accessToken": "fb-t",
                "threads": [ { "count": 4, "ageDays": [0, 2], "messages": 3 } ],
                "spam": [ { "count": 2, "ageMinutes": [30, 90], "messages": 4 } ] } ] }
            """);
        var delay = TimeSpan.FromSeconds(4);
        await using var harness = await SyncHarness.StartAsync(azurite, scenario, new Dictionary<string, string?> { ["Sync:SpamDelay"] = "00:00:04" }, kestrel: true);
        var (connection, job) = await harness.ConnectAsync("facebook", Page, "fb-t");
        await harness.WaitForJobAsync(job);
        Assert.Empty(await harness.Stored(connection).CustomersAsync("spam"));

        // Turning the setting on runs a check at once: the two old spam threads come in, with the notice.
        using var patch = await harness.Client.PatchAsJsonAsync($"/api/connections/{connection}", new { settings = new { syncSpam = true } });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var oldSpam = Expected.Threads(harness.Simulator, "facebook", Page, "spam").Select(t => t.CustomerId).ToList();
        await Eventually.TrueAsync(async () => (await harness.Stored(connection).CustomersAsync("spam")).Count == 2);
        var spamList = await harness.GetJsonAsync($"/api/connections/{connection}/conversations?folder=spam");
        Assert.Equal(oldSpam.Order(StringComparer.Ordinal), spamList["items"]!.AsArray().Select(i => i!["customer"]!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(spamList["items"]!.AsArray(), i => Assert.Contains("Spam", i!["notice"]!.GetValue<string>(), StringComparison.Ordinal));

        // A new buyer writes into the spam folder (no webhook for that), and an ordinary inbox message arrives by
        // webhook: that schedules a check 4 s (+1 s for Graph's whole-second times) later, which must import the spam
        // thread no earlier than 4 s after the buyer's message, and no later than that plus the timestamp allowance,
        // a polling interval (2 s) and the time a spam job takes on a loaded 2-core CI machine (up to 10 s).
        var newcomer = "5550000000000999";
        var target = harness.Simulator.State.WebhookTarget;
        harness.Simulator.State.WebhookTarget = null; // Meta files this new thread straight into Spam: no webhook.
        harness.Simulator.State.AddInboundMessage("facebook", Page, newcomer, "Em muốn hỏi giá");
        harness.Simulator.State.MoveThread("facebook", Page, newcomer, "spam");
        harness.Simulator.State.WebhookTarget = target;
        var written = DateTimeOffset.UtcNow;
        harness.Simulator.State.AddInboundMessage("facebook", Page, Expected.Threads(harness.Simulator, "facebook", Page)[0].CustomerId, "ping");

        await Eventually.TrueAsync(async () => (await harness.Stored(connection).CustomersAsync("spam")).Contains(newcomer), TimeSpan.FromSeconds(30));
        var importedAfter = DateTimeOffset.UtcNow - written;
        Assert.True(importedAfter >= delay, $"imported after {importedAfter}");
        Assert.True(importedAfter <= delay + TimeSpan.FromSeconds(1 + 2 + 10), $"imported after {importedAfter}");

        // Replying moves it to the inbox and clears the notice.
        var id = $"{connection}.{ChannelSyncTests.Base64Url(newcomer)}";
        using var reply = await harness.Client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Dạ shop chào bạn" });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var moved = await harness.GetJsonAsync($"/api/conversations/{id}");
        Assert.Equal("inbox", moved["folder"]!.GetValue<string>());
        Assert.Null(moved["notice"]);
        var inbox = await harness.GetJsonAsync($"/api/connections/{connection}/conversations?limit=1");
        Assert.Equal(newcomer, inbox["items"]![0]!["customer"]!["id"]!.GetValue<string>());
    }
}
