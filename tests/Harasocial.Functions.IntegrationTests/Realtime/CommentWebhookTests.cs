using System.Net;
using Harasocial.ChannelSimulator;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Realtime;

[Collection(AzuriteCollection.Name)]
public sealed class CommentWebhookTests(AzuriteFixture azurite)
{
    private const string Page = "6110001";

    [Fact]
    public async Task FeedComments_AddedEditedRemoved_AppliedOnceEach()
    {
        var scenario = Scenario.Parse($$"""
            { "seed": 111, "rateLimits": { "graphConversationCallsPerSecond": 0 },
              "accounts": [ { "channel": "facebook", "id": "{{Page}}", "accessToken": "fb-t", "threads": [ { "count": 2, "ageDays": [0, 3], "messages": 2 } ],
                "posts": { "count": 2, "comments": 3 } } ] }
            """);
        await using var harness = await SyncHarness.StartAsync(azurite, scenario);
        var (connection, job) = await harness.ConnectAsync("facebook", Page, "fb-t");
        await harness.WaitForJobAsync(job);
        var post = (await harness.GetJsonAsync($"/api/connections/{connection}/posts"))["items"]![0]!;
        var postId = post["externalId"]!.GetValue<string>();
        var before = await CommentsAsync(harness, post["id"]!.GetValue<string>());
        var at = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        foreach (var (verb, text) in new[] { ("add", "Ship HN bao lâu?"), ("add", "Ship HN bao lâu?"), ("edited", "Ship HCM bao lâu?") })
        {
            using var response = await WebhookPoster.PostMetaAsync(harness.Client, Feed(postId, "c_501", verb, text, at));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Eventually.TrueAsync(async () => (await CommentsAsync(harness, post["id"]!.GetValue<string>())).Contains(("c_501", "Ship HCM bao lâu?")));
        var withComment = await CommentsAsync(harness, post["id"]!.GetValue<string>());
        Assert.Equal(before.Count + 1, withComment.Count);

        using (var removed = await WebhookPoster.PostMetaAsync(harness.Client, Feed(postId, "c_501", "remove", null, at)))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }

        await Eventually.TrueAsync(async () => (await CommentsAsync(harness, post["id"]!.GetValue<string>())).Count == before.Count);
        Assert.DoesNotContain(await CommentsAsync(harness, post["id"]!.GetValue<string>()), c => c.Id == "c_501");
    }

    private static string Feed(string postId, string commentId, string verb, string? text, long at) =>
        $$$"""{"object":"page","entry":[{"id":"{{{Page}}}","time":{{{at}}},"changes":[{"field":"feed","value":{"item":"comment","verb":"{{{verb}}}","post_id":"{{{postId}}}","comment_id":"{{{commentId}}}","parent_id":"{{{postId}}}","from":{"id":"7100000000000004","name":"Lan"},{{{(text is null ? "" : $"\"message\":\"{text}\",")}}}"created_time":{{{at}}}}}]}]}""";

    private static async Task<List<(string Id, string? Text)>> CommentsAsync(SyncHarness harness, string postId) =>
        [.. (await harness.GetJsonAsync($"/api/posts/{postId}/comments"))["items"]!.AsArray().Select(c => (c!["externalId"]!.GetValue<string>(), c["text"]?.GetValue<string>()))];
}
