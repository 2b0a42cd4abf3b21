using Harasocial.ChannelSimulator;

namespace Harasocial.Dashboard.Tests;

/// <summary>Small accounts, one per test, so each browser test syncs in seconds and never collides with another.</summary>
internal static class DashboardScenario
{
    public const string MetaAppId = "100200300";
    public const string MetaAppSecret = "ui-meta-secret";
    public const string ZaloAppId = "2000000001";
    public const string ZaloAppSecret = "ui-zalo-app-secret";
    public const string ZaloOaSecretKey = "ui-zalo-oa-secret";
    public const string ShopeePartnerId = "1000001";
    public const string ShopeePartnerKey = "ui-shopee-partner-key";

    /// <summary>30 recent + 10 older threads: two pages of 20 in the list.</summary>
    public const string SyncPage = "5100000001";

    /// <summary>Buyers who wrote minutes ago: inside Messenger's 24 h reply window.</summary>
    public const string ReplyPage = "5100000002";

    /// <summary>Two Spam-folder threads whose last message is older than the 5-minute spam delay.</summary>
    public const string SpamPage = "5100000003";

    /// <summary>A page whose token the test revokes: the connection must show reauth_required.</summary>
    public const string ReauthPage = "5100000004";

    /// <summary>Connected through the form under the Content-Security-Policy: the card shows the Page's own name.</summary>
    public const string CspPage = "5100000005";

    /// <summary>140 Zalo conversations: the initial 100, then "Load more from Zalo" for the next 30.</summary>
    public const string ZaloOa = "3100000000000000001";

    /// <summary>Issue 18 tests run at two screen sizes (laptop, phone), each with its own accounts (an account is connected once).</summary>
    public static readonly (int Width, int Height)[] Screens = [(1400, 1000), (390, 844)];

    /// <summary>Buyers who wrote minutes ago, some waiting for an answer: previews and unread marks.</summary>
    public static string PreviewPage(int screen) => $"51000000{21 + screen}";

    /// <summary>103 Zalo customers: the initial 100, then new customers' backfills fold into one line.</summary>
    public static string JobsOa(int screen) => $"31000000000000000{11 + screen}";

    /// <summary>A page whose first sync fails (simulator faults), then is retried, synced now, disconnected and reconnected.</summary>
    public static string LifecyclePage(int screen) => $"51000000{31 + screen}";

    public static Scenario Create() => Scenario.Parse($$"""
        {
          "seed": 7,
          "secrets": {
            "metaAppSecret": "{{MetaAppSecret}}", "metaAppId": "{{MetaAppId}}",
            "zaloAppId": "{{ZaloAppId}}", "zaloAppSecret": "{{ZaloAppSecret}}", "zaloOaSecretKey": "{{ZaloOaSecretKey}}",
            "shopeePartnerId": {{ShopeePartnerId}}, "shopeePartnerKey": "{{ShopeePartnerKey}}"
          },
          "rateLimits": { "graphConversationCallsPerSecond": 0 },
          "accounts": [
            { "channel": "facebook", "id": "{{SyncPage}}", "name": "Tiệm Hoa Mai", "accessToken": "fb-sync",
              "threads": [ { "count": 30, "ageMinutes": [5, 1000], "messages": [2, 12] },
                           { "count": 10, "ageDays": [40, 90], "messages": 5 } ],
              "posts": { "count": 2, "comments": [0, 5] } },
            { "channel": "facebook", "id": "{{ReplyPage}}", "name": "Shop Trả Lời", "accessToken": "fb-reply",
              "threads": [ { "count": 5, "ageMinutes": [10, 60], "messages": 4 } ] },
            { "channel": "facebook", "id": "{{SpamPage}}", "name": "Shop Spam", "accessToken": "fb-spam",
              "threads": [ { "count": 3, "ageMinutes": [10, 60], "messages": 3 } ],
              "spam": [ { "count": 2, "ageMinutes": [20, 40], "messages": 3 } ] },
            { "channel": "facebook", "id": "{{ReauthPage}}", "name": "Shop Hết Hạn", "accessToken": "fb-reauth",
              "threads": [ { "count": 3, "ageMinutes": [10, 60], "messages": 2 } ] },
            { "channel": "facebook", "id": "{{CspPage}}", "name": "Shop Chính Sách", "accessToken": "fb-csp",
              "threads": [ { "count": 2, "ageMinutes": [10, 60], "messages": 2 } ] },
            { "channel": "zalo", "id": "{{ZaloOa}}", "name": "Zalo OA Hoa Mai", "accessToken": "zalo-at", "refreshToken": "zalo-rt",
              "threads": [ { "count": 140, "ageDays": [0, 30], "messages": [1, 2] } ], "unfollowerShare": 0.1 },
            {{string.Join(",\n", Enumerable.Range(0, Screens.Length).Select(ScreenAccounts))}}
          ]
        }
        """);

    private static string ScreenAccounts(int screen) => $$"""
        { "channel": "facebook", "id": "{{PreviewPage(screen)}}", "name": "Shop Xem Trước {{screen}}", "accessToken": "fb-preview-{{screen}}",
          "threads": [ { "count": 6, "ageMinutes": [5, 300], "messages": [3, 5] } ] },
        { "channel": "zalo", "id": "{{JobsOa(screen)}}", "name": "Zalo Jobs {{screen}}", "accessToken": "zalo-jobs-{{screen}}", "refreshToken": "zalo-jobs-rt-{{screen}}",
          "threads": [ { "count": 103, "ageDays": [0, 20], "messages": 1 } ], "unfollowerShare": 0 },
        { "channel": "facebook", "id": "{{LifecyclePage(screen)}}", "name": "Shop Vòng Đời {{screen}}", "accessToken": "fb-life-{{screen}}",
          "threads": [ { "count": 3, "ageMinutes": [10, 60], "messages": 2 } ] }
        """;
}
