using Harasocial.ChannelSimulator;

namespace Harasocial.Functions.IntegrationTests.ChannelSimulator;

[Collection("Simulator")]
public sealed class ZaloSimulatorTests(SimulatorFixture fixture)
{
    private static readonly Dictionary<string, string> Token = new() { ["access_token"] = "zalo-at-1" };

    [Fact]
    public async Task ListRecentChat_OffsetPaging_ReturnsEachCustomerOnceNewestFirst()
    {
        var users = new List<string>();
        var times = new List<long>();
        for (var offset = 0; ; offset += 10)
        {
            var url = $"{fixture.Server.ZaloOpenApiBaseUri}/v2.0/oa/listrecentchat?data={SimHttp.Data($"{{\"offset\":{offset},\"count\":10}}")}";
            var (_, body, _) = await SimHttp.GetAsync(fixture.Http, url, headers: Token);
            Assert.Equal(0, body.GetProperty("error").GetInt32());
            var rows = body.GetProperty("data").EnumerateArray().ToList();
            foreach (var row in rows)
            {
                var from = row.GetProperty("from_id").GetString()!;
                users.Add(from == SimulatorFixture.ZaloOaId ? row.GetProperty("to_id").GetString()! : from);
                times.Add(row.GetProperty("time").GetInt64());
            }

            if (rows.Count < 10)
            {
                break;
            }
        }

        Assert.Equal(35, users.Count);
        Assert.Equal(35, users.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task ListRecentChat_RowPerMessageReading_EveryMessageOnceNewestFirst_NewMessagesOnTop()
    {
        const string oa = "3000000000000000042";
        var scenario = Scenario.Parse($$"""
            { "seed": 5, "accounts": [ { "channel": "zalo", "id": "{{oa}}", "accessToken": "zalo-at-1", "recentChatRows": "message",
                "threads": [ { "count": 12, "ageDays": [0, 3], "messages": [1, 25] } ] } ] }
            """);
        await using var server = await SimulatorServer.StartAsync(scenario);
        using var http = new HttpClient();

        var rows = await ReadAllAsync(http, server, oa, pageSize: 7);

        var messages = server.State.CustomerIds("zalo", oa).SelectMany(c => server.State.GetThread("zalo", oa, c)!.Messages).ToList();
        Assert.Equal(messages.Count, rows.Count);
        Assert.Equal(messages.Select(m => m.Id).Order(StringComparer.Ordinal), rows.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(rows.Select(r => r.Time).OrderDescending(), rows.Select(r => r.Time));
        Assert.Equal(12, rows.Select(r => r.Customer).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(server.State.CustomerIds("zalo", oa), rows.Select(r => r.Customer).Distinct(StringComparer.Ordinal));

        var customer = server.State.CustomerIds("zalo", oa)[^1];
        var id = server.State.AddInboundMessage("zalo", oa, customer, "Còn hàng không shop?");
        var (_, top, _) = await SimHttp.GetAsync(http, RecentUrl(server, 0, 1), headers: Token);
        Assert.Equal(id, Assert.Single(top.GetProperty("data").EnumerateArray().ToList()).GetProperty("message_id").GetString());
        Assert.Equal(rows.Count + 1, (await ReadAllAsync(http, server, oa, pageSize: 10)).Count);
    }

    [Fact]
    public async Task ListRecentChat_CountOver10_AnswersMinus210()
    {
        var url = $"{fixture.Server.ZaloOpenApiBaseUri}/v2.0/oa/listrecentchat?data={SimHttp.Data("{\"offset\":0,\"count\":11}")}";
        var (status, body, _) = await SimHttp.GetAsync(fixture.Http, url, headers: Token);
        Assert.Equal(200, status);
        Assert.Equal(-210, body.GetProperty("error").GetInt32());
    }

    private static string RecentUrl(SimulatorServer server, int offset, int count) =>
        $"{server.ZaloOpenApiBaseUri}/v2.0/oa/listrecentchat?data={SimHttp.Data($"{{\"offset\":{offset},\"count\":{count}}}")}";

    /// <summary>Every row of the listing, paged by offset until a short page: (message id, customer, time).</summary>
    private static async Task<List<(string Id, string Customer, long Time)>> ReadAllAsync(HttpClient http, SimulatorServer server, string oaId, int pageSize)
    {
        var rows = new List<(string, string, long)>();
        while (true)
        {
            var (_, body, _) = await SimHttp.GetAsync(http, RecentUrl(server, rows.Count, pageSize), headers: Token);
            Assert.Equal(0, body.GetProperty("error").GetInt32());
            var page = body.GetProperty("data").EnumerateArray().ToList();
            foreach (var row in page)
            {
                var from = row.GetProperty("from_id").GetString()!;
                rows.Add((row.GetProperty("message_id").GetString()!, from == oaId ? row.GetProperty("to_id").GetString()! : from, row.GetProperty("time").GetInt64()));
            }

            if (page.Count < pageSize)
            {
                return rows;
            }
        }
    }

    [Fact]
    public async Task ExpiredToken_AnswersMinus220_AndRefreshTokenIsSingleUse()
    {
        await using var server = await SimulatorServer.StartAsync(SimulatorFixture.TestScenario());
        using var http = new HttpClient();
        server.State.ExpireAccessToken(SimulatorFixture.ZaloOaId);
        var url = $"{server.ZaloOpenApiBaseUri}/v2.0/oa/listrecentchat?data={SimHttp.Data("{\"offset\":0,\"count\":10}")}";
        var (_, expired, _) = await SimHttp.GetAsync(http, url, headers: Token);
        Assert.Equal(-220, expired.GetProperty("error").GetInt32());

        async Task<System.Text.Json.JsonElement> Refresh(string refreshToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{server.ZaloOAuthBaseUri}/v4/oa/access_token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["refresh_token"] = refreshToken, ["app_id"] = "2000000001", ["grant_type"] = "refresh_token",
                }),
            };
            request.Headers.Add("secret_key", "sim-zalo-app-secret");
            using var response = await http.SendAsync(request);
            return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        var first = await Refresh("zalo-rt-1");
        var newToken = first.GetProperty("access_token").GetString()!;
        Assert.Equal(System.Text.Json.JsonValueKind.String, first.GetProperty("expires_in").ValueKind);
        Assert.NotEqual("zalo-rt-1", first.GetProperty("refresh_token").GetString());
        var reuse = await Refresh("zalo-rt-1");
        Assert.Equal(-14020, reuse.GetProperty("error").GetInt32());
        Assert.Equal(1, server.State.RefreshCount(SimulatorFixture.ZaloOaId));
        var (_, ok, _) = await SimHttp.GetAsync(http, url, headers: new Dictionary<string, string> { ["access_token"] = newToken });
        Assert.Equal(0, ok.GetProperty("error").GetInt32());
        Assert.Equal(2, server.State.CallCounts["zalo.refresh"]);
    }

    [Fact]
    public async Task ScenarioWith20000Threads_LoadsFast_AndPagesDeep()
    {
        var scenario = SimulatorFixture.TestScenario(zaloThreads: 20_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var server = await SimulatorServer.StartAsync(scenario);
        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"load took {watch.Elapsed}");
        Assert.Equal(20_000, server.State.ThreadCount("zalo", SimulatorFixture.ZaloOaId));
        using var http = new HttpClient();
        var url = $"{server.ZaloOpenApiBaseUri}/v2.0/oa/listrecentchat?data={SimHttp.Data("{\"offset\":19995,\"count\":10}")}";
        var (_, body, _) = await SimHttp.GetAsync(http, url, headers: Token);
        Assert.Equal(5, body.GetProperty("data").GetArrayLength());
    }
}
