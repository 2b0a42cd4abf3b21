using System.Globalization;
using System.Text;
using Harasocial.ChannelSimulator;

namespace Harasocial.Benchmarks;

/// <summary>Simulator scenarios of the benchmarks (seeded, so every run sees the same data).</summary>
internal static class Scenarios
{
    public static string FacebookPageId(int index) => (9100000001L + index).ToString(CultureInfo.InvariantCulture);

    public static string FacebookToken(int index) => "fb-bench-" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary><paramref name="accounts"/> Facebook pages, each with <paramref name="threads"/> threads active within
    /// 30 days and exactly <paramref name="messages"/> messages, no posts.</summary>
    public static Scenario Facebook(int accounts, int threads, int messages, int graphCallsPerSecond)
    {
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $$"""{ "seed": 2025, "rateLimits": { "graphConversationCallsPerSecond": {{graphCallsPerSecond}} }, "accounts": [""");
        for (var i = 0; i < accounts; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture,
                $$"""{ "channel": "facebook", "id": "{{FacebookPageId(i)}}", "accessToken": "{{FacebookToken(i)}}", "threads": [ { "count": {{threads}}, "ageDays": [0, 29], "messages": {{messages}} } ] }""");
        }

        return Scenario.Parse(json.Append("] }").ToString());
    }

    public const string MixedFacebook = "9200000001";
    public const string MixedInstagram = "17841409200002";
    public const string MixedInstagramPage = "9200000003";
    public const string MixedZalo = "3000000000092000004";
    public const string MixedZaloMessageRows = "3000000000092000006";
    public const string MixedShopee = "92000005";

    /// <summary>One account per channel with more threads than the import limits and messages past the page sizes; Zalo
    /// twice, once per <c>listrecentchat</c> reading (a row per customer, a row per message).</summary>
    public static Scenario Mixed() => Scenario.Parse($$"""
        { "seed": 77, "rateLimits": { "graphConversationCallsPerSecond": 0 },
          "accounts": [
            { "channel": "facebook", "id": "{{MixedFacebook}}", "accessToken": "fb-mixed",
              "threads": [ { "count": 140, "ageDays": [0, 29], "messages": [1, 80] }, { "count": 60, "ageDays": [31, 300], "messages": [1, 5] } ],
              "posts": { "count": 8, "comments": [0, 40] } },
            { "channel": "instagram", "id": "{{MixedInstagram}}", "linkedPageId": "{{MixedInstagramPage}}", "accessToken": "ig-mixed",
              "threads": [ { "count": 80, "ageDays": [0, 60], "messages": [1, 70] } ], "posts": { "count": 7, "comments": [0, 15] } },
            { "channel": "zalo", "id": "{{MixedZalo}}", "accessToken": "z-mixed", "refreshToken": "z-mixed-rt",
              "threads": [ { "count": 130, "ageDays": [0, 100], "messages": [1, 120] } ], "unfollowerShare": 0.2 },
            { "channel": "zalo", "id": "{{MixedZaloMessageRows}}", "accessToken": "z-mixed-2", "refreshToken": "z-mixed-2-rt", "recentChatRows": "message",
              "threads": [ { "count": 130, "ageDays": [0, 100], "messages": [1, 120] } ], "unfollowerShare": 0.2 },
            { "channel": "shopee", "id": "{{MixedShopee}}", "accessToken": "s-mixed", "refreshToken": "s-mixed-rt",
              "threads": [ { "count": 130, "ageDays": [0, 60], "messages": [1, 60] } ] } ] }
        """);
}
