using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Harasocial.ChannelSimulator;
using Harasocial.Functions.IntegrationTests.Tenants;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Realtime;

[Collection(AzuriteCollection.Name)]
public sealed class ReplyTests(AzuriteFixture azurite)
{
    private static readonly Scenario Shop = Scenario.Parse("""
        { "seed": 71, "rateLimits": { "graphConversationCallsPerSecond": 0 },
          "accounts": [
            { "channel": "facebook", "id": "6770001", "accessToken": "fb-t",
              "threads": [ { "count": 2, "ageMinutes": [5, 60], "messages": 3 }, { "count": 2, "ageDays": [10, 20], "messages": 3 } ] },
            { "channel": "zalo", "id": "3000000000000006772", "accessToken": "z-at", "refreshToken": "z-rt",
              "threads": [ { "count": 2, "ageMinutes": [5, 60], "messages": 3 } ], "unfollowerShare": 0 },
            { "channel": "shopee", "id": "6770003", "accessToken": "s-at", "refreshToken": "s-rt",
              "threads": [ { "count": 2, "ageDays": [1, 40], "messages": 3 } ] } ] }
        """);

    [Theory]
    [InlineData("facebook", "6770001", "fb-t", null)]
    [InlineData("zalo", "3000000000000006772", "z-at", "z-rt")]
    [InlineData("shopee", "6770003", "s-at", "s-rt")]
    public async Task Reply_InWindow_SentStoredOnce_EchoDoesNotDuplicate(string channel, string account, string token, string? refresh)
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop, kestrel: true);
        var (connection, job) = await harness.ConnectAsync(channel, account, token, refresh);
        await harness.WaitForJobAsync(job);
        var conversation = (await harness.GetJsonAsync($"/api/connections/{connection}/conversations"))["items"]![0]!;
        var id = conversation["id"]!.GetValue<string>();
        var before = (await harness.GetJsonAsync($"/api/conversations/{id}/messages?limit=100"))["items"]!.AsArray().Count;

        using var response = await harness.Client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Dạ shop còn hàng ạ" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sent = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("out", sent["direction"]!.GetValue<string>());
        var record = Assert.Single(harness.Simulator.State.SentMessages);
        Assert.Equal(record.MessageId, sent["externalId"]!.GetValue<string>());
        Assert.Equal("Dạ shop còn hàng ạ", record.Text);

        // The simulator posts the echo webhook 0–50 ms after answering; give it time to be applied.
        await Task.Delay(2500);
        var after = (await harness.GetJsonAsync($"/api/conversations/{id}/messages?limit=100"))["items"]!.AsArray();
        Assert.Equal(before + 1, after.Count);
        Assert.Single(after, m => m!["externalId"]!.GetValue<string>() == record.MessageId);
        var report = await harness.QueueReportAsync();
        Assert.Contains("webhooks: 0 messages", report, StringComparison.Ordinal);
        Assert.Contains("webhooks-poison: 0 messages", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_FacebookOutsideSevenDays_422AndNothingSent()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop, kestrel: true);
        var (connection, job) = await harness.ConnectAsync("facebook", "6770001", "fb-t");
        await harness.WaitForJobAsync(job);
        var old = (await harness.GetJsonAsync($"/api/connections/{connection}/conversations"))["items"]!.AsArray().Last()!;

        var problem = await TenantApiTests.AssertProblemAsync(
            await harness.Client.PostAsJsonAsync($"/api/conversations/{old["id"]!.GetValue<string>()}/messages", new { text = "xin chào" }), (HttpStatusCode)422);

        Assert.Contains("24 hours", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(harness.Simulator.State.SentMessages);
    }

    [Theory]
    [InlineData(2001, 422)]
    [InlineData(0, 400)]
    public async Task Reply_TextTooLongOrEmpty_RejectedWithTheLimit(int length, int status)
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        var (connection, job) = await harness.ConnectAsync("facebook", "6770001", "fb-t");
        await harness.WaitForJobAsync(job);
        var id = (await harness.GetJsonAsync($"/api/connections/{connection}/conversations"))["items"]![0]!["id"]!.GetValue<string>();

        var problem = await TenantApiTests.AssertProblemAsync(
            await harness.Client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = new string('a', length) }), (HttpStatusCode)status);

        if (status == 422)
        {
            Assert.Contains("2000", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Empty(harness.Simulator.State.SentMessages);
    }

    /// <summary>Issue 18: a reply of zero-width spaces, or one holding NUL or another control character, was sent and stored (201).</summary>
    [Theory]
    [InlineData("\u200B\u200B\u200B")]
    [InlineData(" \u200C\uFEFF\u2060 ")]
    [InlineData("hello\u0000world")]
    [InlineData("\u001b[31mred")]
    public async Task Reply_InvisibleOrControlText_400NothingSentNothingStored(string text)
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        var (connection, job) = await harness.ConnectAsync("shopee", "6770003", "s-at", "s-rt");
        await harness.WaitForJobAsync(job);
        var id = (await harness.GetJsonAsync($"/api/connections/{connection}/conversations"))["items"]![0]!["id"]!.GetValue<string>();
        var before = (await harness.GetJsonAsync($"/api/conversations/{id}/messages?limit=100"))["items"]!.AsArray().Count;

        var problem = await TenantApiTests.AssertProblemAsync(
            await harness.Client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text }), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["text"]);
        Assert.Empty(harness.Simulator.State.SentMessages);
        Assert.Equal(before, (await harness.GetJsonAsync($"/api/conversations/{id}/messages?limit=100"))["items"]!.AsArray().Count);
    }
}
