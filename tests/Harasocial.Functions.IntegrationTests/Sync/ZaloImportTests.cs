using System.Net;
using System.Text.Json.Nodes;
using Harasocial.ChannelSimulator;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Sync;

/// <summary>
/// SPEC §2 Zalo: the 100 customers with the newest latest message, each once, with ≤100 messages (followers) or 1
/// (unfollowers); load-more the next 30 customers not yet imported, up to the cap. Every test runs under both readings
/// of <c>listrecentchat</c> (channel-apis.md §3.3): one row per customer, and one row per message.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ZaloImportTests(AzuriteFixture azurite)
{
    private const string Oa = "3000000000000000777";

    public static TheoryData<string> Readings() => ["customer", "message"];

    [Theory]
    [MemberData(nameof(Readings))]
    public async Task InitialSyncThenLoadMore_140Customers_Newest100EachOnceThenTheNext30(string reading)
    {
        // A quarter of the customers with 150 messages, the rest 40; 1 in 7 unfollowed; 19-digit ids (beyond 2^53);
        // last activity spread over 6 months.
        var scenario = Scenario.Parse($$"""
            { "seed": 14, "accounts": [ { "channel": "zalo", "id": "{{Oa}}", "accessToken": "z-at", "refreshToken": "z-rt",
                "recentChatRows": "{{reading}}", "unfollowerShare": 0.142857,
                "threads": [ { "count": 35, "ageDays": [0, 182], "messages": 150 }, { "count": 105, "ageDays": [0, 182], "messages": 40 } ] } ] }
            """);
        await using var harness = await SyncHarness.StartAsync(azurite, scenario);

        var (connectionId, jobId) = await harness.ConnectAsync("zalo", Oa, "z-at", "z-rt");
        var job = await harness.WaitForJobAsync(jobId, TimeSpan.FromMinutes(4));

        Assert.Equal("completed", job["status"]!.GetValue<string>());
        var newest = Expected.Newest(harness.Simulator, "zalo", Oa, 100);
        Assert.Contains(newest, t => !t.IsFollower);
        Assert.Contains(newest, t => t.IsFollower && t.MessageCount > 100);
        Assert.All(newest, t => Assert.True(ulong.Parse(t.CustomerId, System.Globalization.CultureInfo.InvariantCulture) > (1UL << 53)));
        await AssertStoredAsync(harness, connectionId, newest);
        var unfollower = newest.First(t => !t.IsFollower);
        var view = await harness.GetJsonAsync($"/api/conversations/{connectionId}.{ChannelSyncTests.Base64Url(unfollower.CustomerId)}");
        Assert.False(view["isFollower"]!.GetValue<bool>());

        var more = await LoadMoreAsync(harness, connectionId);

        var next = Expected.Newest(harness.Simulator, "zalo", Oa, 130);
        await AssertStoredAsync(harness, connectionId, next);
        var added = Expected.MessageCounts(next.Skip(100), t => t.IsFollower ? 100 : 1);
        Assert.Equal(30, more["progress"]!["conversations"]!.GetValue<int>());
        Assert.Equal(added.Values.Sum(), more["progress"]!["messages"]!.GetValue<long>());
        var counts = (await harness.GetJsonAsync($"/api/connections/{connectionId}"))["counts"]!;
        Assert.Equal((130, Expected.MessageCounts(next, t => t.IsFollower ? 100 : 1).Values.Sum()), (counts["conversations"]!.GetValue<int>(), counts["messages"]!.GetValue<long>()));
    }

    [Theory]
    [MemberData(nameof(Readings))]
    public async Task LoadMore_Adds30UntilTheCapThen409(string reading)
    {
        var scenario = Scenario.Parse($$"""
            { "seed": 22, "accounts": [ { "channel": "zalo", "id": "3000000000000000888", "accessToken": "z-at", "refreshToken": "z-rt",
                "recentChatRows": "{{reading}}", "threads": [ { "count": 200, "ageDays": [0, 150], "messages": [1, 3] } ], "unfollowerShare": 0 } ] }
            """);

        // The cap is 1,500 in production (policy test); a smaller cap walks the same code path quickly.
        await using var harness = await SyncHarness.StartAsync(azurite, scenario, new Dictionary<string, string?> { ["Sync:Policies:Zalo:LoadMoreMax"] = "160" });
        var (connectionId, jobId) = await harness.ConnectAsync("zalo", "3000000000000000888", "z-at", "z-rt");
        await harness.WaitForJobAsync(jobId, TimeSpan.FromMinutes(2));

        foreach (var total in new[] { 130, 160 })
        {
            await LoadMoreAsync(harness, connectionId);
            var stored = await harness.Stored(connectionId).CustomersAsync();
            Assert.Equal(Expected.Newest(harness.Simulator, "zalo", "3000000000000000888", total).Select(t => t.CustomerId).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        }

        using var past = await harness.Client.PostAsync(new Uri($"/api/connections/{connectionId}/conversations/load-more", UriKind.Relative), null);
        var problem = await Tenants.TenantApiTests.AssertProblemAsync(past, HttpStatusCode.Conflict);
        Assert.Contains("160", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<JsonNode> LoadMoreAsync(SyncHarness harness, string connectionId)
    {
        using var response = await harness.Client.PostAsync(new Uri($"/api/connections/{connectionId}/conversations/load-more", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["job"]!["id"]!.GetValue<string>();
        var done = await harness.WaitForJobAsync(job, TimeSpan.FromMinutes(3));
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        return done;
    }

    /// <summary>Exactly these customers are stored, each with its newest ≤100 messages (followers) or 1 (unfollowers).</summary>
    private static async Task AssertStoredAsync(SyncHarness harness, string connectionId, List<ThreadSnapshot> expected)
    {
        var stored = await harness.Stored(connectionId).MessagesByCustomerAsync();
        Assert.Equal(
            Expected.MessageCounts(expected, t => t.IsFollower ? 100 : 1).OrderBy(kv => kv.Key, StringComparer.Ordinal),
            stored.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal((expected.Count, expected.Count), await harness.Stored(connectionId).ConversationRowCountsAsync());
    }
}
