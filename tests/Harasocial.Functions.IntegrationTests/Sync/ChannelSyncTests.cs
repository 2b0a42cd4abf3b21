using Harasocial.ChannelSimulator;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Sync;

[Collection(AzuriteCollection.Name)]
public sealed class ChannelSyncTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(30, 30)]
    [InlineData(80, 50)]
    public async Task Instagram_InitialSync_50NewestWith50MessagesEach(int threads, int expected)
    {
        var scenario = Scenario.Parse($$"""
            { "seed": {{threads}}, "rateLimits": { "graphConversationCallsPerSecond": 0 },
              "accounts": [ { "channel": "instagram", "id": "1784100001", "linkedPageId": "9990001", "accessToken": "ig-t",
                "threads": [ { "count": {{threads}}, "ageDays": [0, 200], "messages": [1, 70] } ],
                "posts": { "count": 7, "comments": [0, 9] } } ] }
            """);
        await using var harness = await SyncHarness.StartAsync(azurite, scenario);

        var (connectionId, jobId) = await harness.ConnectAsync("instagram", "1784100001", "ig-t", linkedPageId: "9990001");
        var job = await harness.WaitForJobAsync(jobId);

        Assert.Equal("completed", job["status"]!.GetValue<string>());
        var want = Expected.Newest(harness.Simulator, "instagram", "1784100001", 50);
        Assert.Equal(expected, want.Count);
        var stored = await harness.Stored(connectionId).MessagesByCustomerAsync();
        Assert.Equal(Expected.MessageCounts(want, _ => 50).OrderBy(kv => kv.Key, StringComparer.Ordinal), stored.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(5, job["progress"]!["posts"]!.GetValue<int>());
        Assert.True(job["progress"]!["comments"]!.GetValue<int>() <= 20);

        // Instagram details exist for the 20 newest messages only (channel-apis.md §2.3): older ones are kept as placeholders.
        var busiest = want.MaxBy(t => t.MessageCount)!;
        if (busiest.MessageCount > 20)
        {
            var conversation = $"{connectionId}.{Base64Url(busiest.CustomerId)}";
            var messages = await harness.GetJsonAsync($"/api/conversations/{conversation}/messages?limit=100");
            var items = messages["items"]!.AsArray();
            Assert.Equal(Math.Min(50, busiest.MessageCount), items.Count);
            Assert.All(items.Take(20), m => Assert.Null(m!["detailsUnavailable"]));
            Assert.All(items.Skip(20), m => Assert.True(m!["detailsUnavailable"]!.GetValue<bool>()));
        }
    }

    [Theory]
    [InlineData(40, 40)]
    [InlineData(150, 100)]
    public async Task Shopee_InitialSync_100NewestWith30MessagesEach_OverlapDeduplicated(int threads, int expected)
    {
        var scenario = Scenario.Parse($$"""
            { "seed": {{threads}}, "accounts": [ { "channel": "shopee", "id": "220000009", "accessToken": "sh-at", "refreshToken": "sh-rt",
                "threads": [ { "count": {{threads}}, "ageDays": [0, 90], "messages": [1, 45] } ] } ] }
            """);
        await using var harness = await SyncHarness.StartAsync(azurite, scenario);

        var (connectionId, jobId) = await harness.ConnectAsync("shopee", "220000009", "sh-at", "sh-rt");
        var job = await harness.WaitForJobAsync(jobId);

        Assert.Equal("completed", job["status"]!.GetValue<string>());
        var want = Expected.Newest(harness.Simulator, "shopee", "220000009", 100);
        Assert.Equal(expected, want.Count);
        var stored = await harness.Stored(connectionId).MessagesByCustomerAsync();
        Assert.Equal(Expected.MessageCounts(want, _ => 30).OrderBy(kv => kv.Key, StringComparer.Ordinal), stored.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(expected, job["progress"]!["conversations"]!.GetValue<int>());
    }

    internal static string Base64Url(string value) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
