using System.Globalization;
using System.Net;
using Harasocial.ChannelSimulator;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Realtime;

/// <summary>
/// Issue 14: a conversation is counted by the write that created it and by no other, and so is every message. Ten new
/// customers each send 20 first messages at once (each delivered twice), handled by two app instances; on Zalo each new
/// customer also starts a backfill that stores the same messages from the channel while the webhooks do.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConcurrentFirstMessagesTests(AzuriteFixture azurite)
{
    private const int Customers = 10;
    private const int MessagesEach = 20;

    [Theory]
    [InlineData("facebook", "6660002")]
    [InlineData("zalo", "3000000000000006662")]
    public async Task TwentyConcurrentFirstMessages_TenNewCustomers_CountsEqualStoredRows(string channel, string account)
    {
        var scenario = Scenario.Parse($$"""
            { "seed": 62, "rateLimits": { "graphConversationCallsPerSecond": 0 },
              "accounts": [ { "channel": "{{channel}}", "id": "{{account}}", "accessToken": "t", "refreshToken": "rt", "unfollowerShare": 0,
                "threads": [ { "count": 5, "ageDays": [0, 3], "messages": 3 } ] } ] }
            """);
        await using var harness = await SyncHarness.StartAsync(azurite, scenario);
        harness.AddInstance();
        var (connection, job) = await harness.ConnectAsync(channel, account, "t", channel == "zalo" ? "rt" : null);
        await harness.WaitForJobAsync(job);
        var newCustomers = Enumerable.Range(0, Customers).Select(k => (9_100_000_000_000_000_001L + k).ToString(CultureInfo.InvariantCulture)).ToList();

        foreach (var customer in newCustomers)
        {
            // Each message twice, shuffled: platforms redeliver, and a duplicate racing its original must not count twice.
            var bodies = Bodies(harness.Simulator, channel, account, customer);
            bodies = [.. bodies.Concat(bodies).OrderBy(_ => Random.Shared.Next())];
            var answers = await Task.WhenAll(bodies.Select(async body =>
            {
                using var response = await WebhookPoster.PostSignedAsync(harness.Client, channel, body);
                return response.StatusCode;
            }));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        }

        await Eventually.TrueAsync(async () => (await harness.QueueReportAsync()).Contains("webhooks: 0 messages", StringComparison.Ordinal), TimeSpan.FromMinutes(2));
        var backfills = await BackfillsDoneAsync(harness, connection);
        var stored = await harness.Stored(connection).MessagesByCustomerAsync();
        Assert.All(newCustomers, c => Assert.Equal(MessagesEach, stored.GetValueOrDefault(c)));
        Assert.Equal((stored.Count, stored.Values.Sum()), await SettledCountsAsync(harness, connection, (stored.Count, stored.Values.Sum())));
        Assert.Equal((stored.Count, stored.Count), await harness.Stored(connection).ConversationRowCountsAsync());
        Assert.Equal(5 + Customers, stored.Count);
        Assert.Equal(channel == "zalo" ? Customers : 0, backfills);
        Assert.Contains("webhooks-poison: 0 messages", await harness.QueueReportAsync(), StringComparison.Ordinal);
    }

    /// <summary>20 inbound messages of one new customer. Zalo: written into the simulator first (no webhook target),
    /// so the backfill reads the very messages the webhooks carry.</summary>
    private static List<string> Bodies(SimulatorServer simulator, string channel, string account, string customer)
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-2);
        if (channel != "zalo")
        {
            return [.. Enumerable.Range(0, MessagesEach).Select(i =>
                WebhookPoster.MessageBody(account, customer, $"m_{customer}_{i:D2}", $"tin {i}", start.AddSeconds(i)))];
        }

        for (var i = 0; i < MessagesEach; i++)
        {
            simulator.State.AddInboundMessage("zalo", account, customer, $"tin {i}", start.AddSeconds(i));
        }

        return [.. simulator.State.GetThread("zalo", account, customer)!.Messages.Select(m =>
            WebhookPoster.ZaloMessageBody(account, customer, m.Id, m.Text!, m.At))];
    }

    /// <summary>The connection's counts once they reach <paramref name="expected"/> or stop short of it: a backfill's
    /// counts join the connection a moment after its job reads completed. A count above the stored rows never settles.</summary>
    private static async Task<(int, long)> SettledCountsAsync(SyncHarness harness, string connection, (int, long) expected)
    {
        (int, long) counts = default;
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                var node = (await harness.GetJsonAsync($"/api/connections/{connection}"))["counts"]!;
                counts = (node["conversations"]!.GetValue<int>(), node["messages"]!.GetValue<long>());
                return counts == expected;
            }, TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // Reported by the caller's assertion with both numbers.
        }

        return counts;
    }

    /// <summary>Waits until every backfill job of the connection has ended; returns how many there are (all completed).</summary>
    private static async Task<int> BackfillsDoneAsync(SyncHarness harness, string connection)
    {
        List<System.Text.Json.Nodes.JsonNode> backfills = [];
        await Eventually.TrueAsync(async () =>
        {
            var jobs = (await harness.GetJsonAsync($"/api/connections/{connection}/sync-jobs?limit=100"))["items"]!.AsArray();
            backfills = [.. jobs.Where(j => j!["kind"]!.GetValue<string>() == "backfill").Select(j => j!)];
            return backfills.All(j => j["status"]!.GetValue<string>() is "completed" or "failed" or "cancelled");
        }, TimeSpan.FromMinutes(2));
        Assert.All(backfills, j => Assert.Equal("completed", j["status"]!.GetValue<string>()));
        return backfills.Count;
    }
}
