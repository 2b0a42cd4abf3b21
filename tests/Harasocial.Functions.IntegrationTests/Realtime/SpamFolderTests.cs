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

    /// <summary>
    /// SPEC §2: a reply from either side clears the Spam mark — the echo webhook of a reply the seller made on Facebook
    /// itself (issue 18: it was stored, but the conversation stayed in Spam with its notice) as well as our own reply —
    /// and a later spam check, which still finds both threads in Facebook's spam folder, never puts them back.
    /// </summary>
    [Fact]
    public async Task SpamFolder_EchoOfReplyMadeOnFacebookAndOurReply_MoveToInbox_LaterSpamChecksKeepThemThere()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, TwoSpamThreads(), new Dictionary<string, string?> { ["Sync:SpamDelay"] = "00:00:02" }, kestrel: true);
        var connection = await ConnectWithSpamOnAsync(harness);
        var spam = Expected.Threads(harness.Simulator, "facebook", Page, "spam").Select(t => t.CustomerId).ToList();
        await Eventually.TrueAsync(async () => (await harness.Stored(connection).CustomersAsync("spam")).Count == 2);
        var (onFacebook, here) = (spam[0], spam[1]);

        // The seller answers buyer A in Meta Business Suite: the echo webhook reaches the app.
        var echoId = harness.Simulator.State.AddSellerReply("facebook", Page, onFacebook, "Dạ shop trả lời trên Facebook ạ");
        var answeredThere = $"{connection}.{ChannelSyncTests.Base64Url(onFacebook)}";
        await Eventually.TrueAsync(async () => (await harness.GetJsonAsync($"/api/conversations/{answeredThere}"))["folder"]!.GetValue<string>() == "inbox");
        await AssertInInboxWithoutNoticeAsync(harness, answeredThere);
        var messages = (await harness.GetJsonAsync($"/api/conversations/{answeredThere}/messages?limit=100"))["items"]!.AsArray();
        Assert.Single(messages, m => m!["externalId"]!.GetValue<string>() == echoId && m["direction"]!.GetValue<string>() == "out");

        // Buyer B gets our reply through the API.
        var answeredHere = $"{connection}.{ChannelSyncTests.Base64Url(here)}";
        using (var reply = await harness.Client.PostAsJsonAsync($"/api/conversations/{answeredHere}/messages", new { text = "Dạ shop chào bạn" }))
        {
            Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        }

        // Facebook still files both threads under Spam (the simulator keeps their folder): a spam check lists them again.
        Assert.Equal(spam.Order(StringComparer.Ordinal), harness.Simulator.State.CustomerIds("facebook", Page, "spam").Order(StringComparer.Ordinal));
        await RunSpamCheckAsync(harness, connection);

        await AssertInInboxWithoutNoticeAsync(harness, answeredThere);
        await AssertInInboxWithoutNoticeAsync(harness, answeredHere);
        Assert.Empty((await harness.GetJsonAsync($"/api/connections/{connection}/conversations?folder=spam"))["items"]!.AsArray());
        Assert.Empty(await harness.Stored(connection).CustomersAsync("spam"));
    }

    /// <summary>
    /// The echo of a reply made on Facebook can be lost (or precede the import): the spam check itself sees the seller's
    /// answer in the thread and files it in the inbox without the notice — a thread answered before its first import,
    /// and a spam conversation answered after it.
    /// </summary>
    [Fact]
    public async Task SpamFolder_ReplyMadeOnFacebookWithoutEcho_SpamCheckFilesItInTheInbox()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, TwoSpamThreads(), new Dictionary<string, string?> { ["Sync:SpamDelay"] = "00:00:02" }, kestrel: true);
        var spam = Expected.Threads(harness.Simulator, "facebook", Page, "spam").Select(t => t.CustomerId).ToList();
        var target = harness.Simulator.State.WebhookTarget;
        harness.Simulator.State.WebhookTarget = null; // Echoes lost.
        harness.Simulator.State.AddSellerReply("facebook", Page, spam[0], "Dạ shop đây");
        harness.Simulator.State.WebhookTarget = target;

        var connection = await ConnectWithSpamOnAsync(harness);
        await Eventually.TrueAsync(async () => (await harness.Stored(connection).CustomersAsync()).Count(spam.Contains) == 2);
        Assert.Equal([spam[1]], await harness.Stored(connection).CustomersAsync("spam"));
        await AssertInInboxWithoutNoticeAsync(harness, $"{connection}.{ChannelSyncTests.Base64Url(spam[0])}");

        harness.Simulator.State.WebhookTarget = null;
        harness.Simulator.State.AddSellerReply("facebook", Page, spam[1], "Dạ bạn cần gì ạ?");
        harness.Simulator.State.WebhookTarget = target;
        await RunSpamCheckAsync(harness, connection);

        await AssertInInboxWithoutNoticeAsync(harness, $"{connection}.{ChannelSyncTests.Base64Url(spam[1])}");
        Assert.Empty(await harness.Stored(connection).CustomersAsync("spam"));
    }

    private static Scenario TwoSpamThreads() => Scenario.Parse($$"""
        { "seed": 92, "rateLimits": { "graphConversationCallsPerSecond": 0 },
          "accounts": [ { "channel": "facebook", "id": "{{Page}}", "accessToken": "fb-t",
            "threads": [ { "count": 3, "ageDays": [0, 2], "messages": 3 } ],
            "spam": [ { "count": 2, "ageMinutes": [30, 90], "messages": 4 } ] } ] }
        """);

    private static async Task<string> ConnectWithSpamOnAsync(SyncHarness harness)
    {
        var (connection, job) = await harness.ConnectAsync("facebook", Page, "fb-t");
        await harness.WaitForJobAsync(job);
        using var patch = await harness.Client.PatchAsJsonAsync($"/api/connections/{connection}", new { settings = new { syncSpam = true } });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        return connection;
    }

    private static async Task RunSpamCheckAsync(SyncHarness harness, string connection)
    {
        // A check the page's watch runs meanwhile answers 409 here: wait for it and ask again.
        string? job = null;
        await Eventually.TrueAsync(async () =>
        {
            using var response = await harness.Client.PostAsJsonAsync($"/api/connections/{connection}/sync", new { kind = "spam" });
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                job = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["job"]!["id"]!.GetValue<string>();
            }

            return job is not null;
        });
        Assert.Equal("completed", (await harness.WaitForJobAsync(job!))["status"]!.GetValue<string>());
    }

    private static async Task AssertInInboxWithoutNoticeAsync(SyncHarness harness, string conversationId)
    {
        var conversation = await harness.GetJsonAsync($"/api/conversations/{conversationId}");
        Assert.Equal("inbox", conversation["folder"]!.GetValue<string>());
        Assert.Null(conversation["notice"]);
    }
}
