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
    public async Task ListRecentChat_CountOver10_AnswersMinus210()
    {
        var url = $"{fixture.Server.ZaloOpenApiBaseUri}/v2.0/oa/listrecentchat?data={SimHttp.Data("{\"offset\":0,\"count\":11}")}";
        var (status, body, _) = await SimHttp.GetAsync(fixture.Http, url, headers: Token);
        Assert.Equal(200, status);
        Assert.Equal(-210, body.GetProperty("error").GetInt32());
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
