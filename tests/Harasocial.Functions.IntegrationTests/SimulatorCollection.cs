using Harasocial.ChannelSimulator;

namespace Harasocial.Functions.IntegrationTests;

/// <summary>Shares one <see cref="SimulatorServer"/> (small scenario, no rate limit) across the "Simulator" collection.</summary>
[CollectionDefinition("Simulator")]
public sealed class SimulatorCollection : ICollectionFixture<SimulatorFixture>;

public sealed class SimulatorFixture : IAsyncLifetime
{
    public const string FacebookPageId = "1000000001";
    public const string InstagramId = "17841400000001";
    public const string InstagramPageId = "1000000002";
    public const string ZaloOaId = "3000000000000000001";
    public const string ShopeeShopId = "220000001";

    /// <summary>A small, fast scenario; <paramref name="graphCallsPerSecond"/> 0 turns the Graph limiter off.</summary>
    public static Scenario TestScenario(int graphCallsPerSecond = 0, int zaloThreads = 35) => Scenario.Parse($$"""
        { "seed": 7,
          "secrets": { "shopeePushUrl": null },
          "rateLimits": { "graphConversationCallsPerSecond": {{graphCallsPerSecond}} },
          "accounts": [
            { "channel": "facebook", "id": "{{FacebookPageId}}", "name": "Shop Hoa Mai", "accessToken": "fb-token-1",
              "threads": [ { "count": 40, "ageDays": [0, 29], "messages": [5, 30] } ],
              "spam": [ { "count": 3, "ageMinutes": [1, 120], "messages": 4 } ],
              "posts": { "count": 3, "comments": [0, 12] } },
            { "channel": "instagram", "id": "{{InstagramId}}", "linkedPageId": "{{InstagramPageId}}", "name": "hoamai.shop",
              "accessToken": "ig-token-1", "threads": [ { "count": 10, "ageDays": [0, 20], "messages": [25, 40] } ] },
            { "channel": "zalo", "id": "{{ZaloOaId}}", "name": "Hoa Mai OA", "accessToken": "zalo-at-1", "refreshToken": "zalo-rt-1",
              "threads": [ { "count": {{zaloThreads}}, "ageDays": [0, 150], "messages": [1, 30] } ], "unfollowerShare": 0.1 },
            { "channel": "shopee", "id": "{{ShopeeShopId}}", "name": "Hoa Mai Store", "accessToken": "shopee-at-1",
              "refreshToken": "shopee-rt-1", "threads": [ { "count": 60, "ageDays": [0, 90], "messages": [1, 40] } ] } ] }
        """);

    public SimulatorServer Server { get; private set; } = null!;
    public HttpClient Http { get; } = new();

    public async Task InitializeAsync() => Server = await SimulatorServer.StartAsync(TestScenario());

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
