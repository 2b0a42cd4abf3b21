using Harasocial.ChannelSimulator;
using Harasocial.Testing;

namespace Harasocial.Benchmarks;

/// <summary>
/// Benchmark 2: channel calls per imported conversation, per channel, against the fewest calls the platforms' page
/// sizes allow for the same import (SPEC §2 limits). Posts and comments calls are listed on their own row.
/// </summary>
internal sealed class CallEfficiencyBenchmark(AzuriteFixture azurite)
{
    private static readonly string[] PostEndpoints = ["graph.published_posts", "graph.comments", "graph.media"];

    /// <summary>The one ownership question asked at connect (not part of the import; listed in the row's detail).</summary>
    private static readonly string[] OwnershipEndpoints = ["graph.me", "graph.node", "zalo.getoa", "shopee.get_shop_info"];

    public async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        await using var sim = await SimulatorServer.StartAsync(Scenarios.Mixed());
        await using var app = await AppHost.StartAsync(azurite, azurite.UniqueName("calls"), sim.BaseUri);
        var jobs = new List<string>
        {
            await app.ConnectAsync(new { channel = "facebook", externalId = Scenarios.MixedFacebook, accessToken = "fb-mixed" }),
            await app.ConnectAsync(new { channel = "instagram", externalId = Scenarios.MixedInstagram, accessToken = "ig-mixed", linkedPageId = Scenarios.MixedInstagramPage }),
            await app.ConnectAsync(new { channel = "zalo", externalId = Scenarios.MixedZalo, accessToken = "z-mixed", refreshToken = "z-mixed-rt" }),
            await app.ConnectAsync(new { channel = "shopee", externalId = Scenarios.MixedShopee, accessToken = "s-mixed", refreshToken = "s-mixed-rt" }),
            await app.ConnectAsync(new { channel = "zalo", externalId = Scenarios.MixedZaloMessageRows, accessToken = "z-mixed-2", refreshToken = "z-mixed-2-rt" }),
        };
        var ended = await app.WaitForJobsAsync(jobs, TimeSpan.FromMinutes(10));
        var calls = sim.State.CallCounts;

        var results = new List<BenchResult>();
        var facebook = sim.State.CustomerIds("facebook", Scenarios.MixedFacebook)
            .Select(c => sim.State.GetThread("facebook", Scenarios.MixedFacebook, c)!)
            .Where(t => t.LastActivity >= DateTimeOffset.UtcNow.AddDays(-30)).ToList();
        results.Add(Row("2a. Calls/conversation: facebook", calls, Scenarios.MixedFacebook, ended[0], facebook.Count, Ceil(facebook.Count, 25),
            "min = ceil(conversations/25) conversation pages (messages come inline, limit 50)"));
        results.Add(Row("2a. Calls/conversation: instagram", calls, Scenarios.MixedInstagram, ended[1], 50, Ceil(50, 25),
            "min = ceil(50/25) conversation pages (messages inline)"));

        results.Add(ZaloRow("2a. Calls/conversation: zalo", sim, calls, Scenarios.MixedZalo, ended[2], rowPerMessage: false));
        results.Add(ZaloRow("2a. Calls/conversation: zalo, a row per message", sim, calls, Scenarios.MixedZaloMessageRows, ended[4], rowPerMessage: true));

        var shopee = Newest(sim, "shopee", Scenarios.MixedShopee, 100);
        var shopeeMin = 1 + Ceil(shopee.Count - 25, 24) + shopee.Sum(t => Ceil(Math.Min(t.MessageCount, 30), 25));
        results.Add(Row("2a. Calls/conversation: shopee", calls, Scenarios.MixedShopee, ended[3], shopee.Count, shopeeMin,
            "min = conversation pages of 25 with the one-item overlap (1 + ceil((conv-25)/24)) + ceil(messages/25) per conversation"));

        var postCalls = PostEndpoints.Sum(e => calls.For(Scenarios.MixedFacebook, e) + calls.For(Scenarios.MixedInstagram, e));
        var postsMin = 2 + 5 + 5; // one posts/media page per account, at least one comments page per imported post (5 each)
        results.Add(new BenchResult(
            "2b. Posts + comments calls",
            $"{postCalls} calls",
            $"{postsMin} calls (min)",
            (double)postCalls / postsMin,
            "<= 1.1",
            postCalls <= 1.1 * postsMin,
            "facebook " + Detail(calls, Scenarios.MixedFacebook, PostEndpoints) + "; instagram " + Detail(calls, Scenarios.MixedInstagram, PostEndpoints) +
            "; min = 1 posts/media page + 1 comments page for each of the 5 imported posts, per account"));
        return results;
    }

    private static BenchResult Row(string name, CallCountSnapshot calls, string account, System.Text.Json.Nodes.JsonNode job, int imported, int minimum, string rule)
    {
        var byEndpoint = calls.ByAccount.TryGetValue(account, out var counts) ? counts : new Dictionary<string, int>();
        var actual = byEndpoint.Where(kv => !PostEndpoints.Contains(kv.Key) && !OwnershipEndpoints.Contains(kv.Key)).Sum(kv => kv.Value);
        var jobConversations = job["progress"]!["conversations"]!.GetValue<int>();
        if (jobConversations != imported)
        {
            throw new InvalidOperationException($"{name}: the job imported {jobConversations} conversations, expected {imported}.");
        }

        var ratio = (double)actual / minimum;
        return new BenchResult(
            name,
            $"{Format.F((double)actual / imported, "0.00")} ({actual} calls)",
            $"{Format.F((double)minimum / imported, "0.00")} ({minimum} calls)",
            ratio,
            "<= 1.1",
            ratio <= 1.1,
            $"{imported} conversations imported; calls " + string.Join(", ", byEndpoint.Where(kv => !PostEndpoints.Contains(kv.Key) && !OwnershipEndpoints.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")) +
            $"; {rule}; plus {byEndpoint.Where(kv => OwnershipEndpoints.Contains(kv.Key)).Sum(kv => kv.Value)} ownership check at connect, not counted");
    }

    /// <summary>
    /// Zalo's fewest calls, from the scenario: the <c>listrecentchat</c> pages of 10 rows up to the row where the 100th
    /// distinct customer first appears (a row per customer: the 100th row; a row per message: every message newer than
    /// that customer's latest), then 1 user/detail and ceil(messages/10) conversation pages per imported customer.
    /// </summary>
    private static BenchResult ZaloRow(string name, SimulatorServer sim, CallCountSnapshot calls, string account, System.Text.Json.Nodes.JsonNode job, bool rowPerMessage)
    {
        var threads = Newest(sim, "zalo", account, int.MaxValue);
        var imported = threads.Take(100).ToList();
        var rows = rowPerMessage ? RowsUntilCustomers(threads, imported.Count) : imported.Count;
        var minimum = Ceil(rows, 10) + imported.Count + imported.Sum(t => Ceil(Math.Min(t.MessageCount, t.IsFollower ? 100 : 1), 10));
        return Row(name, calls, account, job, imported.Count, minimum,
            $"min = ceil({rows} rows/10) listrecentchat (the rows up to the 100th customer's first) + 1 user/detail per conversation + ceil(messages/10) conversation pages each");
    }

    /// <summary>Rows of the message-per-row listing (every message, newest first; ties as the simulator's thread order)
    /// up to and including the first row of the <paramref name="customers"/>-th distinct customer.</summary>
    private static int RowsUntilCustomers(List<ThreadSnapshot> threads, int customers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = threads
            .SelectMany(t => t.Messages.Select(m => (t.CustomerId, t.ThreadId, m.At, m.Index)))
            .OrderByDescending(r => r.At)
            .ThenBy(r => r.ThreadId, StringComparer.Ordinal)
            .ThenByDescending(r => r.Index);
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            if (seen.Add(row.CustomerId) && seen.Count == customers)
            {
                return count;
            }
        }

        return count;
    }

    private static string Detail(CallCountSnapshot calls, string account, string[] endpoints) =>
        string.Join(", ", endpoints.Select(e => $"{e}={calls.For(account, e)}"));

    private static List<ThreadSnapshot> Newest(SimulatorServer sim, string channel, string account, int count) =>
        [.. sim.State.CustomerIds(channel, account).Take(count).Select(c => sim.State.GetThread(channel, account, c)!)];

    private static int Ceil(int value, int size) => value <= 0 ? 0 : (value + size - 1) / size;
}
