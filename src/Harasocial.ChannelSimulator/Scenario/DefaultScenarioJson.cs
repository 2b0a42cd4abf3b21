namespace Harasocial.ChannelSimulator;

/// <summary>The demo scenario served by <c>dotnet run</c>; also the format reference for README.md.</summary>
internal static class DefaultScenarioJson
{
    public const string Text = """
        {
          "seed": 42,
          "secrets": {
            "metaAppSecret": "sim-meta-secret", "metaAppId": "100200300",
            "zaloAppId": "2000000001", "zaloAppSecret": "sim-zalo-app-secret", "zaloOaSecretKey": "sim-zalo-oa-secret",
            "shopeePartnerId": 1000001, "shopeePartnerKey": "sim-shopee-partner-key",
            "shopeePushUrl": "http://127.0.0.1:7071/api/webhooks/shopee"
          },
          "rateLimits": { "graphConversationCallsPerSecond": 2 },
          "accounts": [
            { "channel": "facebook", "id": "1000000001", "name": "Shop Hoa Mai", "accessToken": "fb-token-1",
              "threads": [ { "count": 60, "ageDays": [0, 29], "messages": [5, 80] },
                           { "count": 300, "ageDays": [31, 400], "messages": 50 } ],
              "spam": [ { "count": 3, "ageMinutes": [1, 120], "messages": 4 } ],
              "posts": { "count": 8, "comments": [0, 60] } },
            { "channel": "instagram", "id": "17841400000001", "linkedPageId": "1000000002", "name": "hoamai.shop",
              "accessToken": "ig-token-1",
              "threads": [ { "count": 80, "ageDays": [0, 60], "messages": [1, 60] } ],
              "posts": { "count": 6, "comments": [0, 15] } },
            { "channel": "zalo", "id": "3000000000000000001", "name": "Hoa Mai OA", "accessToken": "zalo-at-1",
              "refreshToken": "zalo-rt-1", "accessTokenTtlSeconds": 90000, "recentChatRows": "message",
              "threads": [ { "count": 2000, "ageDays": [0, 150], "messages": [1, 150] } ], "unfollowerShare": 0.1 },
            { "channel": "shopee", "id": "220000001", "name": "Hoa Mai Store", "accessToken": "shopee-at-1",
              "refreshToken": "shopee-rt-1", "accessTokenTtlSeconds": 14400,
              "threads": [ { "count": 150, "ageDays": [0, 90], "messages": [1, 60] } ] }
          ]
        }
        """;
}
