using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Harasocial.ChannelSimulator;
using Harasocial.Functions.IntegrationTests.Sync;
using Harasocial.Functions.IntegrationTests.Tenants;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Realtime;

[Collection(AzuriteCollection.Name)]
public sealed class WebhookTests(AzuriteFixture azurite)
{
    private const string Page = "6660001";

    private static readonly Scenario Shop = Scenario.Parse($$"""
        { "seed": 61, "rateLimits": { "graphConversationCallsPerSecond": 0 },
          "accounts": [ { "channel": "facebook", "id": "{{Page}}", "accessToken": "fb-t", "threads": [ { "count": 5, "ageDays": [0, 3], "messages": 3 } ] } ] }
        """);

    [Fact]
    public async Task SignedMessages_EachDeliveredThreeTimesShuffled_StoredOnceActivityNeverBackwards()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        var (connection, job) = await harness.ConnectAsync("facebook", Page, "fb-t");
        await harness.WaitForJobAsync(job);
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var bodies = Enumerable.Range(0, 12)
            .Select(i => (Customer: $"99000{i % 3}", Body: WebhookPoster.MessageBody(Page, $"99000{i % 3}", WebhookPoster.Mid(i), $"tin nhắn {i}", start.AddMinutes(i))))
            .ToList();
        var deliveries = bodies.SelectMany(b => Enumerable.Repeat(b.Body, 3)).OrderBy(_ => Random.Shared.Next()).ToList();

        var answers = await Task.WhenAll(deliveries.Select(async body =>
        {
            using var response = await WebhookPoster.PostMetaAsync(harness.Client, body);
            return response.StatusCode;
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        await Eventually.TrueAsync(async () => (await harness.Stored(connection).MessagesByCustomerAsync()).Where(kv => kv.Key.StartsWith("99000", StringComparison.Ordinal)).Sum(kv => kv.Value) == 12);
        await Task.Delay(1000);
        var stored = await harness.Stored(connection).MessagesByCustomerAsync();
        Assert.Equal([4, 4, 4], stored.Where(kv => kv.Key.StartsWith("99000", StringComparison.Ordinal)).Select(kv => kv.Value));

        // 36 concurrent deliveries counted once each on the connection (webhook counts go to shards, not the row).
        var counts = (await harness.GetJsonAsync($"/api/connections/{connection}"))["counts"]!;
        Assert.Equal(stored.Count, counts["conversations"]!.GetValue<int>());
        Assert.Equal(stored.Values.Sum(), counts["messages"]!.GetValue<long>());
        foreach (var customer in new[] { "990000", "990001", "990002" })
        {
            var view = await harness.GetJsonAsync($"/api/conversations/{connection}.{ChannelSyncTests.Base64Url(customer)}");
            var newest = bodies.Select((b, i) => (b.Customer, At: start.AddMinutes(i))).Where(b => b.Customer == customer).Max(b => b.At);
            Assert.Equal(newest.ToUnixTimeMilliseconds(), view["lastMessageAt"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds());
            Assert.Equal("open", view["status"]!.GetValue<string>());
        }

        // A late event for an old message leaves the newest activity where it was.
        using var late = await WebhookPoster.PostMetaAsync(harness.Client, WebhookPoster.MessageBody(Page, "990000", "m_late", "cũ", start.AddDays(-2)));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        await Eventually.TrueAsync(async () => (await harness.Stored(connection).MessagesByCustomerAsync())["990000"] == 5);
        var after = await harness.GetJsonAsync($"/api/conversations/{connection}.{ChannelSyncTests.Base64Url("990000")}");
        Assert.Equal(start.AddMinutes(9).ToUnixTimeMilliseconds(), after["lastMessageAt"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task BadRequests_AnsweredWithProblem_NothingQueued()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        using var anonymous = harness.App.CreateClient(apiKey: null);
        var body = WebhookPoster.MessageBody(Page, "1", "m_x", "hi", DateTimeOffset.UtcNow);

        await TenantApiTests.AssertProblemAsync(await WebhookPoster.PostMetaAsync(anonymous, body, "sha256=" + new string('0', 64)), HttpStatusCode.Unauthorized);
        await TenantApiTests.AssertProblemAsync(await WebhookPoster.PostMetaAsync(anonymous, body, WebhookPoster.Signature(body, "wrong-secret")), HttpStatusCode.Unauthorized);
        await TenantApiTests.AssertProblemAsync(await WebhookPoster.PostMetaAsync(anonymous, body + " ", WebhookPoster.Signature(body)), HttpStatusCode.Unauthorized);
        await TenantApiTests.AssertProblemAsync(await WebhookPoster.PostMetaAsync(anonymous, "not json", WebhookPoster.Signature("not json")), HttpStatusCode.BadRequest);
        var huge = "{\"object\":\"page\",\"entry\":[],\"pad\":\"" + new string('x', 1_100_000) + "\"}";
        await TenantApiTests.AssertProblemAsync(await WebhookPoster.PostMetaAsync(anonymous, huge, WebhookPoster.Signature(huge)), HttpStatusCode.RequestEntityTooLarge);
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webhooks/zalo", UriKind.Relative)) { Content = new StringContent("{}") };
        await TenantApiTests.AssertProblemAsync(await anonymous.SendAsync(unsigned), HttpStatusCode.Unauthorized);

        var report = await harness.QueueReportAsync();
        Assert.Contains("webhooks: 0 messages", report, StringComparison.Ordinal);
        Assert.Contains("webhooks-poison: 0 messages", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAccount_Acknowledged_AndDropped()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        using var anonymous = harness.App.CreateClient(apiKey: null);

        using var response = await WebhookPoster.PostMetaAsync(anonymous, WebhookPoster.MessageBody("123456789", "42", "m_orphan", "hello", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        await Eventually.TrueAsync(async () => (await harness.QueueReportAsync()).Contains("webhooks: 0 messages", StringComparison.Ordinal));
        Assert.Equal(0, await harness.Stored("x").CountAsync("conversations", "x"));
    }

    [Fact]
    public async Task ReauthRequiredConnection_EventsDroppedUntilTheOwnerReconnects()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        var (connection, job) = await harness.ConnectAsync("facebook", Page, "fb-t");
        await harness.WaitForJobAsync(job);
        harness.Simulator.State.RevokeTokens(Page);
        using (var resync = await harness.Client.PostAsJsonAsync($"/api/connections/{connection}/sync", new { kind = "resync" }))
        {
            await harness.WaitForJobAsync(JsonNode.Parse(await resync.Content.ReadAsStringAsync())!["job"]!["id"]!.GetValue<string>());
        }

        Assert.Equal("reauth_required", (await harness.GetJsonAsync($"/api/connections/{connection}"))["status"]!.GetValue<string>());

        using var response = await WebhookPoster.PostMetaAsync(harness.Client, WebhookPoster.MessageBody(Page, "880088", "m_while_reauth", "còn hàng không?", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.TrueAsync(async () => (await harness.QueueReportAsync()).Contains("webhooks: 0 messages", StringComparison.Ordinal));
        await Task.Delay(500);
        Assert.False((await harness.Stored(connection).MessagesByCustomerAsync()).ContainsKey("880088"));
    }

    [Theory]
    [InlineData("verify-me", HttpStatusCode.OK)]
    [InlineData("nope", HttpStatusCode.Forbidden)]
    public async Task MetaVerification_EchoesChallengeOnlyForTheToken(string token, HttpStatusCode expected)
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        using var anonymous = harness.App.CreateClient(apiKey: null);

        using var response = await anonymous.GetAsync(new Uri($"/api/webhooks/instagram?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token={token}", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AppKilledRightAfterAnswering_WebhookStillProcessedOnce()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        var (connection, job) = await harness.ConnectAsync("facebook", Page, "fb-t");
        await harness.WaitForJobAsync(job);
        await harness.App.DisposeAsync();
        var environment = harness.ProcessEnvironment();

        var app = await AppProcess.StartAsync(environment);
        using (var client = app.CreateClient(null))
        {
            var body = WebhookPoster.MessageBody(Page, "770077", "m_crash", "giữ giúp em", DateTimeOffset.UtcNow);
            using var response = await WebhookPoster.PostMetaAsync(client, body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            app.Kill();
        }

        await app.DisposeAsync();
        await using var restarted = await AppProcess.StartAsync(environment);
        await Eventually.TrueAsync(async () => (await harness.Stored(connection).MessagesByCustomerAsync()).GetValueOrDefault("770077") == 1, TimeSpan.FromSeconds(60));
    }
}
