using Harasocial.ChannelSimulator;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Sync;

[Collection(AzuriteCollection.Name)]
public sealed class FacebookSyncTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(0, 100)]
    [InlineData(99, 199)]
    [InlineData(100, 100)]
    [InlineData(150, 150)]
    [InlineData(250, 250)]
    public async Task InitialSync_RecentAndOlderThreads_ExactConversationsAndMessages(int recent, int expectedConversations)
    {
        // Recent threads have 1–80 messages (some above the 50 cap); 300 older threads exist behind them.
        var scenario = Scenario.Parse($$"""
            { "seed": {{recent + 11}}, "rateLimits": { "graphConversationCallsPerSecond": 0 },
              "accounts": [ { "channel": "facebook", "id": "5550001", "accessToken": "fb-t",
                "threads": [ { "count": {{recent}}, "ageDays": [0, 29], "messages": [1, 80] },
                             { "count": 300, "ageDays": [31, 400], "messages": [1, 60] } ] } ] }
            """);
        await using var harness = await SyncHarness.StartAsync(azurite, scenario);

        var (connectionId, jobId) = await harness.ConnectAsync("facebook", "5550001", "fb-t");
        var job = await harness.WaitForJobAsync(jobId);

        var expected = Expected.Facebook(harness.Simulator, "5550001", DateTimeOffset.UtcNow);
        Assert.Equal(expectedConversations, expected.Count);
        Assert.Equal("completed", job["status"]!.GetValue<string>());
        var stored = await harness.Stored(connectionId).MessagesByCustomerAsync();
        Assert.Equal(expected.Select(t => t.CustomerId).Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        var expectedMessages = Expected.MessageCounts(expected, _ => 50);
        Assert.Equal(expectedMessages.OrderBy(kv => kv.Key, StringComparer.Ordinal), stored.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(expectedConversations, job["progress"]!["conversations"]!.GetValue<int>());
        Assert.Equal(expectedMessages.Values.Sum(), job["progress"]!["messages"]!.GetValue<long>());
        Assert.Equal((expectedConversations, expectedConversations), await harness.Stored(connectionId).ConversationRowCountsAsync());

        // One Graph call per 25 conversations (inline messages), plus the page that showed where phase 1 ended.
        var pages = harness.Simulator.State.CallCounts["graph.conversations"];
        Assert.InRange(pages, (int)Math.Ceiling(expectedConversations / 25.0), (int)Math.Ceiling(expectedConversations / 25.0) + 1);
        Assert.Equal(0, harness.Simulator.State.CallCounts["graph.messages"]);
        // Every call but the ownership check at connect (GET /me) belongs to the job.
        Assert.Equal(1, harness.Simulator.State.CallCounts["graph.me"]);
        Assert.Equal(harness.Simulator.State.CallCounts.Total - 1, job["progress"]!["apiCalls"]!.GetValue<long>());

        var connection = await harness.GetJsonAsync($"/api/connections/{connectionId}");
        Assert.Equal("active", connection["status"]!.GetValue<string>());
        Assert.Equal(expectedConversations, connection["counts"]!["conversations"]!.GetValue<int>());
    }

    [Fact]
    public async Task InitialSync_PostsWithUnevenComments_NewestFivePostsAndNewest100CommentsAcrossThem()
    {
        var scenario = Scenario.Parse("""
            { "seed": 3, "rateLimits": { "graphConversationCallsPerSecond": 0 },
              "accounts": [ { "channel": "facebook", "id": "5550002", "accessToken": "fb-t",
                "threads": [ { "count": 3, "ageDays": [0, 5], "messages": 2 } ],
                "posts": { "count": 8, "comments": [0, 70], "ageDays": [0, 60] } } ] }
            """);
        await using var harness = await SyncHarness.StartAsync(azurite, scenario);
        var graph = new GraphReader(harness.Simulator.GraphBaseUri, "fb-t");
        var posts = await graph.ListAsync("5550002/published_posts?fields=id,created_time&limit=100");
        var newestPosts = posts.OrderByDescending(p => p.CreatedAt).Take(5).ToList();
        var allComments = new List<GraphReader.Item>();
        foreach (var post in newestPosts)
        {
            allComments.AddRange(await graph.ListAsync($"{post.Id}/comments?filter=stream&order=reverse_chronological&fields=id,created_time&limit=100"));
        }

        var expectedComments = allComments.OrderByDescending(c => c.CreatedAt).Take(100).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();

        var (connectionId, jobId) = await harness.ConnectAsync("facebook", "5550002", "fb-t");
        var job = await harness.WaitForJobAsync(jobId);

        var storedPosts = await harness.GetJsonAsync($"/api/connections/{connectionId}/posts");
        Assert.Equal(newestPosts.Select(p => p.Id), storedPosts["items"]!.AsArray().Select(p => p!["externalId"]!.GetValue<string>()));
        var storedComments = new List<string>();
        foreach (var post in storedPosts["items"]!.AsArray())
        {
            var comments = await harness.GetJsonAsync($"/api/posts/{post!["id"]!.GetValue<string>()}/comments");
            storedComments.AddRange(comments["items"]!.AsArray().Select(c => c!["externalId"]!.GetValue<string>()));
        }

        Assert.True(allComments.Count > 100, "the scenario must have more comments than the cap");
        Assert.Equal(expectedComments, storedComments.Order(StringComparer.Ordinal));
        Assert.Equal(100, job["progress"]!["comments"]!.GetValue<int>());
        Assert.Equal(5, job["progress"]!["posts"]!.GetValue<int>());
    }
}
