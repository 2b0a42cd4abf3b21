using System.Globalization;
using System.Net;
using System.Text;
using Harasocial.ChannelSimulator;
using Harasocial.Functions.IntegrationTests.Sync;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Realtime;

/// <summary>
/// Webhook replay (SPEC §4): Zalo and Shopee bodies dated more than 10 minutes from now either way are acknowledged and
/// dropped; a body applied once is not applied again within the window (all channels, by body hash). The findings were
/// that a replayed Shopee push started a second resync and replayed follow/unfollow or comment events restored stale
/// state.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReplayWindowTests(AzuriteFixture azurite)
{
    private const string Oa = "3000000000001930001";
    private const string Shop = "1930002";
    private const string Page = "1930003";

    private static readonly Scenario Accounts = Scenario.Parse($$"""
        { "seed": 193, "rateLimits": { "graphConversationCallsPerSecond": 0 },
          "accounts": [
            { "channel": "zalo", "id": "{{Oa}}", "accessToken": "z-rw", "refreshToken": "z-rw-rt", "unfollowerShare": 0,
              "threads": [ { "count": 3, "ageDays": [0, 3], "messages": 2 } ] },
            { "channel": "shopee", "id": "{{Shop}}", "accessToken": "s-rw", "refreshToken": "s-rw-rt", "threads": [ { "count": 3, "ageDays": [0, 3], "messages": 2 } ] },
            { "channel": "facebook", "id": "{{Page}}", "accessToken": "fb-rw", "threads": [ { "count": 1, "ageDays": [0, 3], "messages": 1 } ],
              "posts": { "count": 1, "comments": 1 } } ] }
        """);

    [Theory]
    [InlineData("zalo", -11)]
    [InlineData("zalo", 11)]
    [InlineData("shopee", -11)]
    [InlineData("shopee", 11)]
    [InlineData("shopee", -60 * 24 * 365)]
    public async Task DatedOutsideTheWindow_AcknowledgedAndDropped_FreshOneApplied(string channel, int minutes)
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Accounts);
        var (connection, job) = channel == "zalo"
            ? await harness.ConnectAsync("zalo", Oa, "z-rw", "z-rw-rt")
            : await harness.ConnectAsync("shopee", Shop, "s-rw", "s-rw-rt");
        await harness.WaitForJobAsync(job);
        var now = DateTimeOffset.UtcNow;

        using var stale = await PostAsync(harness, channel, Message(channel, "7100000000000000001", "m_stale", now.AddMinutes(minutes)));
        using var fresh = await PostAsync(harness, channel, Message(channel, "7100000000000000002", "m_fresh", now.AddMinutes(-1)));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(string.Empty, await stale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        await Eventually.TrueAsync(async () => (await harness.Stored(connection).MessagesByCustomerAsync()).ContainsKey("7100000000000000002"));
        await DrainedAsync(harness);
        Assert.False((await harness.Stored(connection).MessagesByCustomerAsync()).ContainsKey("7100000000000000001"));
    }

    [Fact]
    public async Task ShopeeNotification_ReplayedWithinTheWindow_StartsOneResync()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Accounts);
        var (connection, job) = await harness.ConnectAsync("shopee", Shop, "s-rw", "s-rw-rt");
        await harness.WaitForJobAsync(job);
        var body = """{"shop_id":SHOP,"code":10,"timestamp":NOW,"data":{"type":"notification","content":{"conversation_id":28554413104092054}}}"""
            .Replace("SHOP", Shop, StringComparison.Ordinal).Replace("NOW", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using (var first = await PostAsync(harness, "shopee", body))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var resync = await WaitForJobsAsync(harness, connection, "resync", 1);
        Assert.Equal("completed", (await harness.WaitForJobAsync(resync[0]))["status"]!.GetValue<string>());
        using (var replay = await PostAsync(harness, "shopee", body))
        {
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        }

        await DrainedAsync(harness);
        Assert.Single(await JobsAsync(harness, connection, "resync"));
    }

    [Fact]
    public async Task ZaloUnfollow_ReplayedAfterAFollow_TheCustomerStaysAFollower()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Accounts);
        var (connection, job) = await harness.ConnectAsync("zalo", Oa, "z-rw", "z-rw-rt");
        await harness.WaitForJobAsync(job);
        var customer = Expected.Threads(harness.Simulator, "zalo", Oa)[0].CustomerId;
        var path = $"/api/conversations/{connection}.{ChannelSyncTests.Base64Url(customer)}";
        var now = DateTimeOffset.UtcNow;
        var unfollow = Follow("unfollow", customer, now.AddMinutes(-2));

        (await PostAsync(harness, "zalo", unfollow)).Dispose();
        await Eventually.TrueAsync(async () => (await harness.GetJsonAsync(path))["isFollower"]?.GetValue<bool>() == false);
        (await PostAsync(harness, "zalo", Follow("follow", customer, now.AddMinutes(-1)))).Dispose();
        await Eventually.TrueAsync(async () => (await harness.GetJsonAsync(path))["isFollower"]?.GetValue<bool>() == true);
        using var replay = await PostAsync(harness, "zalo", unfollow);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        await DrainedAsync(harness);
        Assert.True((await harness.GetJsonAsync(path))["isFollower"]!.GetValue<bool>());
    }

    [Fact]
    public async Task MetaCommentAdded_ReplayedAfterItsRemoval_StaysRemoved()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Accounts);
        var (connection, job) = await harness.ConnectAsync("facebook", Page, "fb-rw");
        await harness.WaitForJobAsync(job);
        var post = (await harness.GetJsonAsync($"/api/connections/{connection}/posts"))["items"]![0]!;
        var comments = $"/api/posts/{post["id"]!.GetValue<string>()}/comments";
        var at = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var added = Feed(post["externalId"]!.GetValue<string>(), "c_193", "add", "Còn màu đỏ không?", at);

        (await WebhookPoster.PostMetaAsync(harness.Client, added)).Dispose();
        await Eventually.TrueAsync(async () => (await harness.GetJsonAsync(comments))["items"]!.AsArray().Any(c => c!["externalId"]!.GetValue<string>() == "c_193"));
        (await WebhookPoster.PostMetaAsync(harness.Client, Feed(post["externalId"]!.GetValue<string>(), "c_193", "remove", null, at))).Dispose();
        await Eventually.TrueAsync(async () => !(await harness.GetJsonAsync(comments))["items"]!.AsArray().Any(c => c!["externalId"]!.GetValue<string>() == "c_193"));
        using var replay = await WebhookPoster.PostMetaAsync(harness.Client, added);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        await DrainedAsync(harness);
        Assert.DoesNotContain((await harness.GetJsonAsync(comments))["items"]!.AsArray(), c => c!["externalId"]!.GetValue<string>() == "c_193");
    }

    private static string Message(string channel, string customer, string id, DateTimeOffset at) => channel == "zalo"
        ? $$"""{"app_id":"2000000001","event_name":"user_send_text","sender":{"id":"{{customer}}"},"recipient":{"id":"{{Oa}}"},"message":{"msg_id":"{{id}}","text":"Shop ơi"},"timestamp":"{{at.ToUnixTimeMilliseconds()}}"}"""
        : """{"shop_id":SHOP,"code":10,"timestamp":AT,"data":{"type":"message","content":{"message_id":"ID","conversation_id":"9CONV","from_id":CUSTOMER,"from_user_name":"buyer","to_id":SHOP,"message_type":"text","content":{"text":"Còn hàng không?"},"created_timestamp":AT}}}"""
            .Replace("SHOP", Shop, StringComparison.Ordinal).Replace("AT", at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("ID", id, StringComparison.Ordinal).Replace("CONV", customer[^6..], StringComparison.Ordinal).Replace("CUSTOMER", customer, StringComparison.Ordinal);

    private static string Follow(string verb, string customer, DateTimeOffset at) =>
        $$"""{"event_name":"{{verb}}","follower":{"id":"{{customer}}"},"oa_id":"{{Oa}}","app_id":"2000000001","timestamp":"{{at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}}"}""";

    private static string Feed(string postId, string commentId, string verb, string? text, long at) =>
        $$$"""{"object":"page","entry":[{"id":"{{{Page}}}","time":{{{at}}},"changes":[{"field":"feed","value":{"item":"comment","verb":"{{{verb}}}","post_id":"{{{postId}}}","comment_id":"{{{commentId}}}","parent_id":"{{{postId}}}","from":{"id":"7100000000000004","name":"Lan"},{{{(text is null ? "" : $"\"message\":\"{text}\",")}}}"created_time":{{{at}}}}}]}]}""";

    private static async Task<HttpResponseMessage> PostAsync(SyncHarness harness, string channel, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/webhooks/{channel}", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        var (header, value) = WebhookPoster.Sign(channel, body);
        request.Headers.TryAddWithoutValidation(header, value);
        return await harness.Client.SendAsync(request);
    }

    /// <summary>The webhook queue is empty (every delivery applied or dropped), plus a moment for the last writes.</summary>
    private static async Task DrainedAsync(SyncHarness harness)
    {
        await Eventually.TrueAsync(async () => (await harness.QueueReportAsync()).Contains("webhooks: 0 messages", StringComparison.Ordinal));
        await Task.Delay(1000);
    }

    private static async Task<List<string>> JobsAsync(SyncHarness harness, string connection, string kind) =>
        [.. (await harness.GetJsonAsync($"/api/connections/{connection}/sync-jobs"))["items"]!.AsArray()
            .Where(j => j!["kind"]!.GetValue<string>() == kind).Select(j => j!["id"]!.GetValue<string>())];

    private static async Task<List<string>> WaitForJobsAsync(SyncHarness harness, string connection, string kind, int count)
    {
        await Eventually.TrueAsync(async () => (await JobsAsync(harness, connection, kind)).Count >= count);
        return await JobsAsync(harness, connection, kind);
    }
}
