using System.Text.Json;
using Harasocial.ChannelSimulator;

namespace Harasocial.Functions.IntegrationTests.ChannelSimulator;

[Collection("Simulator")]
public sealed class GraphSimulatorTests(SimulatorFixture fixture)
{
    private string Graph => fixture.Server.GraphBaseUri.ToString();

    [Fact]
    public async Task Conversations_PagedToTheEnd_ReturnEachInboxThreadOnceNewestFirst()
    {
        var url = $"{Graph}/{SimulatorFixture.FacebookPageId}/conversations?platform=messenger&fields=id,updated_time,participants,messages.limit(5){{id,message,from,to,created_time,attachments}}&limit=7";
        var ids = new List<string>();
        var times = new List<string>();
        for (var pages = 0; url is not null && pages < 50; pages++)
        {
            var (status, body, _) = await SimHttp.GetAsync(fixture.Http, url, "fb-token-1");
            Assert.Equal(200, status);
            foreach (var c in body.GetProperty("data").EnumerateArray())
            {
                ids.Add(c.GetProperty("id").GetString()!);
                times.Add(c.GetProperty("updated_time").GetString()!);
                Assert.True(c.GetProperty("messages").GetProperty("data").GetArrayLength() <= 5);
            }

            url = body.GetProperty("paging").TryGetProperty("next", out var next) ? next.GetString() : null;
        }

        Assert.Equal(fixture.Server.State.ThreadCount("facebook", SimulatorFixture.FacebookPageId, "inbox"), ids.Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.StartsWith("t_", id, StringComparison.Ordinal));
        Assert.Equal(times.OrderByDescending(t => t, StringComparer.Ordinal), times);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$", times[0]);
    }

    [Fact]
    public async Task Conversations_LimitOver100_IsClampedTo100()
    {
        var (status, body, _) = await SimHttp.GetAsync(fixture.Http, $"{Graph}/{SimulatorFixture.FacebookPageId}/conversations?platform=messenger&limit=500", "fb-token-1");
        Assert.Equal(200, status);
        Assert.Equal(40, body.GetProperty("data").GetArrayLength()); // fewer than 100 exist; the point is no error
        Assert.False(body.GetProperty("paging").TryGetProperty("next", out _));
    }

    [Fact]
    public async Task Conversations_FolderSpam_ReturnsOnlySpamThreads()
    {
        var (status, body, _) = await SimHttp.GetAsync(fixture.Http, $"{Graph}/{SimulatorFixture.FacebookPageId}/conversations?platform=messenger&folder=spam", "fb-token-1");
        Assert.Equal(200, status);
        Assert.Equal(3, body.GetProperty("data").GetArrayLength());
        var (igStatus, igBody, _) = await SimHttp.GetAsync(fixture.Http, $"{Graph}/{SimulatorFixture.InstagramPageId}/conversations?platform=instagram&folder=spam", "ig-token-1");
        Assert.Equal(400, igStatus);
        Assert.Equal(100, igBody.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task InstagramMessages_OlderThan20Newest_CarryOnlyIdAndCreatedTime()
    {
        var (_, conversations, _) = await SimHttp.GetAsync(fixture.Http, $"{Graph}/{SimulatorFixture.InstagramPageId}/conversations?platform=instagram&fields=id,participants&limit=1", "ig-token-1");
        var threadId = conversations.GetProperty("data")[0].GetProperty("id").GetString();
        var (status, body, _) = await SimHttp.GetAsync(fixture.Http, $"{Graph}/{threadId}/messages?fields=id,message,from,to,created_time,attachments&limit=100", "ig-token-1");
        Assert.Equal(200, status);
        var messages = body.GetProperty("data").EnumerateArray().ToList();
        Assert.True(messages.Count >= 25);
        Assert.All(messages.Take(20), m => Assert.True(m.TryGetProperty("from", out _)));
        Assert.All(messages.Skip(20), m =>
        {
            Assert.False(m.TryGetProperty("from", out _));
            Assert.False(m.TryGetProperty("message", out _));
            Assert.True(m.TryGetProperty("created_time", out _));
        });
    }

    [Fact]
    public async Task Conversations_WrongToken_Answers190()
    {
        var (status, body, _) = await SimHttp.GetAsync(fixture.Http, $"{Graph}/{SimulatorFixture.FacebookPageId}/conversations?platform=messenger", "not-a-token");
        Assert.Equal(400, status);
        Assert.Equal(190, body.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("OAuthException", body.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Comments_OfAPost_AreNewestFirstWithPrefixedIds()
    {
        var (_, posts, _) = await SimHttp.GetAsync(fixture.Http, $"{Graph}/{SimulatorFixture.FacebookPageId}/published_posts?limit=10", "fb-token-1");
        var postId = posts.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).First();
        Assert.StartsWith(SimulatorFixture.FacebookPageId + "_", postId, StringComparison.Ordinal);
        var (status, body, _) = await SimHttp.GetAsync(fixture.Http, $"{Graph}/{postId}/comments?filter=stream&order=reverse_chronological&limit=100", "fb-token-1");
        Assert.Equal(200, status);
        var times = body.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("created_time").GetString()!).ToList();
        Assert.Equal(times.OrderByDescending(t => t, StringComparer.Ordinal), times);
    }
}

public sealed class GraphRateLimitTests
{
    [Fact]
    public async Task Conversations_MoreThan2CallsPerSecond_Answer80006AndAreCounted()
    {
        await using var server = await SimulatorServer.StartAsync(SimulatorFixture.TestScenario(graphCallsPerSecond: 2));
        using var http = new HttpClient();
        var url = $"{server.GraphBaseUri}/{SimulatorFixture.FacebookPageId}/conversations?platform=messenger&limit=5";
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SimHttp.GetAsync(http, url, "fb-token-1")));
        var throttled = results.Where(r => r.Status == 400).ToList();
        Assert.NotEmpty(throttled);
        Assert.True(results.Count(r => r.Status == 200) <= 4);
        var error = throttled[0].Body.GetProperty("error");
        Assert.Equal(80006, error.GetProperty("code").GetInt32());
        Assert.Equal("1", throttled[0].Response.Headers.GetValues("Retry-After").Single());
        var usage = JsonDocument.Parse(throttled[0].Response.Headers.GetValues("X-Business-Use-Case-Usage").Single()).RootElement;
        Assert.Equal(0, usage.GetProperty(SimulatorFixture.FacebookPageId)[0].GetProperty("estimated_time_to_regain_access").GetInt32());
        Assert.True(server.State.MaxCallsPerSecond(SimulatorFixture.FacebookPageId, "graph.conversations") >= 3);
        Assert.Equal(throttled.Count, server.State.ThrottledCount);
        Assert.Equal(6, server.State.CallCounts.For(SimulatorFixture.FacebookPageId, "graph.conversations"));
    }
}
