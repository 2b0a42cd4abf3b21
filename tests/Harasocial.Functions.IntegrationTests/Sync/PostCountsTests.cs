using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Harasocial.ChannelSimulator;
using Harasocial.Functions.IntegrationTests.Realtime;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Sync;

/// <summary>
/// Issue 18: after a second initial sync the Facebook card said 10 posts · 200 comments while 5 posts and 100 comments
/// were stored. Posts and comments are counted like messages, by the write that created (or removed) the row, across
/// repeated initial syncs, resyncs and comment webhooks.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PostCountsTests(AzuriteFixture azurite)
{
    private const string Page = "5550012";

    [Fact]
    public async Task Counts_RepeatedInitialSyncsResyncAndCommentWebhooks_EqualStoredRows()
    {
        var scenario = Scenario.Parse($$"""
            { "seed": 31, "rateLimits": { "graphConversationCallsPerSecond": 0 },
              "accounts": [ { "channel": "facebook", "id": "{{Page}}", "accessToken": "fb-t",
                "threads": [ { "count": 3, "ageDays": [0, 5], "messages": 2 } ],
                "posts": { "count": 8, "comments": [30, 70], "ageDays": [0, 60] } } ] }
            """);
        await using var harness = await SyncHarness.StartAsync(azurite, scenario);
        var (connection, job) = await harness.ConnectAsync("facebook", Page, "fb-t");
        await harness.WaitForJobAsync(job);
        await AssertCountsAsync(harness, connection, 5, 100);

        foreach (var kind in new[] { "initial", "initial", "resync" })
        {
            await SyncAsync(harness, connection, kind);
            await AssertCountsAsync(harness, connection, 5, 100);
        }

        // Comment webhooks: a new comment (twice: the second delivery adds nothing), an edit, a removal (twice).
        var post = (await harness.GetJsonAsync($"/api/connections/{connection}/posts"))["items"]![0]!["externalId"]!.GetValue<string>();
        var at = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await PostAsync(harness, Feed(post, "c_9001", "add", "Còn size M không?", at, at));
        await PostAsync(harness, Feed(post, "c_9001", "add", "Còn size M không?", at, at + 1));
        await AssertCountsAsync(harness, connection, 5, 101);
        await PostAsync(harness, Feed(post, "c_9001", "edited", "Còn size L không?", at, at + 2));
        await PostAsync(harness, Feed($"{Page}_777", "c_9002", "add", "Bài cũ", at, at + 3)); // a post not imported
        await AssertCountsAsync(harness, connection, 5, 102);
        await PostAsync(harness, Feed(post, "c_9001", "remove", null, at, at + 4));
        await PostAsync(harness, Feed(post, "c_9001", "remove", null, at, at + 5));
        await AssertCountsAsync(harness, connection, 5, 101);

        await SyncAsync(harness, connection, "initial");
        await AssertCountsAsync(harness, connection, 5, 101);
    }

    /// <summary>The connection's counts equal the stored rows (and the numbers the test expects).</summary>
    private static async Task AssertCountsAsync(SyncHarness harness, string connection, int posts, int comments)
    {
        var stored = harness.Stored(connection);
        JsonNode counts = null!;
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                counts = (await harness.GetJsonAsync($"/api/connections/{connection}"))["counts"]!;
                return counts["posts"]!.GetValue<int>() == posts && counts["comments"]!.GetValue<int>() == comments;
            }, TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"counts {counts.ToJsonString()}, expected {posts} posts / {comments} comments");
        }

        Assert.Equal(posts, await stored.CountAsync("posts", connection));
        Assert.Equal(comments, await stored.CountPartitionsAsync("comments", connection + "|"));
    }

    private static async Task SyncAsync(SyncHarness harness, string connection, string kind)
    {
        using var response = await harness.Client.PostAsJsonAsync($"/api/connections/{connection}/sync", new { kind });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["job"]!["id"]!.GetValue<string>();
        Assert.Equal("completed", (await harness.WaitForJobAsync(job))["status"]!.GetValue<string>());
        await Eventually.TrueAsync(async () => (await harness.GetJsonAsync($"/api/connections/{connection}"))["activeJobId"] is null);
    }

    private static async Task PostAsync(SyncHarness harness, string body)
    {
        using var response = await WebhookPoster.PostMetaAsync(harness.Client, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Feed(string postId, string commentId, string verb, string? text, long created, long at) =>
        $$$"""{"object":"page","entry":[{"id":"{{{Page}}}","time":{{{at}}},"changes":[{"field":"feed","value":{"item":"comment","verb":"{{{verb}}}","post_id":"{{{postId}}}","comment_id":"{{{commentId}}}","parent_id":"{{{postId}}}","from":{"id":"7100000000000004","name":"Lan"},{{{(text is null ? "" : $"\"message\":\"{text}\",")}}}"created_time":{{{created}}}}}]}]}""";
}
