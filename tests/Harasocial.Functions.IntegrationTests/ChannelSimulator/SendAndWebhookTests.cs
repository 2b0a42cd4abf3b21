using System.Security.Cryptography;
using System.Text;
using Harasocial.ChannelSimulator;

namespace Harasocial.Functions.IntegrationTests.ChannelSimulator;

public sealed class SendAndWebhookTests
{
    private static string SendBody(string recipient, string type, string? tag, string text) =>
        "{\"recipient\":{\"id\":\"" + recipient + "\"},\"messaging_type\":\"" + type + "\""
        + (tag is null ? string.Empty : ",\"tag\":\"" + tag + "\"")
        + ",\"message\":{\"text\":\"" + text + "\"}}";

    [Fact]
    public async Task MessengerSend_OutsideWindows_AnswersError10_InsideHumanAgentSucceeds()
    {
        await using var server = await SimulatorServer.StartAsync(SimulatorFixture.TestScenario());
        using var http = new HttpClient();
        var now = DateTimeOffset.UtcNow;
        server.State.AddInboundMessage("facebook", SimulatorFixture.FacebookPageId, "1111222233334444", "hello", now.AddDays(-2));
        server.State.AddInboundMessage("facebook", SimulatorFixture.FacebookPageId, "5555666677778888", "old", now.AddDays(-8));
        var url = $"{server.GraphBaseUri}/{SimulatorFixture.FacebookPageId}/messages";

        var (status, body, _) = await SimHttp.PostJsonAsync(http, url, SendBody("1111222233334444", "RESPONSE", null, "hi"), "fb-token-1");
        Assert.Equal(400, status);
        Assert.Equal(10, body.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(2018278, body.GetProperty("error").GetProperty("error_subcode").GetInt32());

        var (okStatus, ok, _) = await SimHttp.PostJsonAsync(http, url, SendBody("1111222233334444", "MESSAGE_TAG", "HUMAN_AGENT", "hi"), "fb-token-1");
        Assert.Equal(200, okStatus);
        Assert.StartsWith("m_", ok.GetProperty("message_id").GetString(), StringComparison.Ordinal);

        var (oldStatus, _, _) = await SimHttp.PostJsonAsync(http, url, SendBody("5555666677778888", "MESSAGE_TAG", "HUMAN_AGENT", "hi"), "fb-token-1");
        Assert.Equal(400, oldStatus);
        var (longStatus, tooLong, _) = await SimHttp.PostJsonAsync(http, url, SendBody("1111222233334444", "MESSAGE_TAG", "HUMAN_AGENT", new string('a', 2001)), "fb-token-1");
        Assert.Equal(400, longStatus);
        Assert.Equal(100, tooLong.GetProperty("error").GetProperty("code").GetInt32());

        var sent = Assert.Single(server.State.SentMessages);
        Assert.Equal("HUMAN_AGENT", sent.Tag);
        Assert.Equal(ok.GetProperty("message_id").GetString(), server.State.GetThread("facebook", SimulatorFixture.FacebookPageId, "1111222233334444")!.Messages[0].Id);
    }

    [Fact]
    public async Task MessengerSend_WithWebhookTarget_PostsSignedEchoWithMid()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var server = await SimulatorServer.StartAsync(SimulatorFixture.TestScenario(), new SimulatorServerOptions { WebhookTarget = listener.BaseUri });
        using var http = new HttpClient();
        var customer = "9999000011112222";
        server.State.AddInboundMessage("facebook", SimulatorFixture.FacebookPageId, customer, "Còn size M không?");
        var (status, body, _) = await SimHttp.PostJsonAsync(http, $"{server.GraphBaseUri}/{SimulatorFixture.FacebookPageId}/messages",
            SendBody(customer, "RESPONSE", null, "Dạ còn ạ"), "fb-token-1");
        Assert.Equal(200, status);
        var mid = body.GetProperty("message_id").GetString()!;

        var echo = await listener.WaitForAsync(b => b.Contains("\"is_echo\":true", StringComparison.Ordinal) && b.Contains(mid.Replace("/", "\\/", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.Equal("/api/webhooks/facebook", echo.Path);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("sim-meta-secret"), Encoding.UTF8.GetBytes(echo.Body)));
        Assert.Equal(expected, echo.Headers["X-Hub-Signature-256"]);
        Assert.Contains("\"app_id\":100200300", echo.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("ạ", echo.Body, StringComparison.Ordinal); // non-ASCII escaped as \uXXXX

        // By its own text only: the echo ("Dạ còn ạ") also holds "c\u00F2n", and when it arrived first it was taken.
        var inbound = await listener.WaitForAsync(b => b.Contains("\\u00F2n size M", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("is_echo", inbound.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZaloInbound_WithWebhookTarget_PostsMacSignedEvent()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var server = await SimulatorServer.StartAsync(SimulatorFixture.TestScenario(), new SimulatorServerOptions { WebhookTarget = listener.BaseUri });
        var id = server.State.AddInboundMessage("zalo", SimulatorFixture.ZaloOaId, "1234567890123456789", "Shop ơi");
        var hit = await listener.WaitForAsync(b => b.Contains(id, StringComparison.Ordinal));
        using var doc = System.Text.Json.JsonDocument.Parse(hit.Body);
        var ts = doc.RootElement.GetProperty("timestamp").GetString();
        var mac = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("2000000001" + hit.Body + ts + "sim-zalo-oa-secret")));
        Assert.Equal("mac=" + mac, hit.Headers["X-ZEvent-Signature"]);
        Assert.Equal("user_send_text", doc.RootElement.GetProperty("event_name").GetString());
    }

    [Fact]
    public async Task Faults_ErrorRate1_AnswerPlatform500s_ButNotControlApi()
    {
        await using var server = await SimulatorServer.StartAsync(SimulatorFixture.TestScenario());
        using var http = new HttpClient();
        server.State.Faults = new FaultSettings { ErrorRate = 1.0 };
        var (graphStatus, graph, _) = await SimHttp.GetAsync(http, $"{server.GraphBaseUri}/{SimulatorFixture.FacebookPageId}/conversations?platform=messenger", "fb-token-1");
        Assert.Equal(500, graphStatus);
        Assert.Equal(2, graph.GetProperty("error").GetProperty("code").GetInt32());
        Assert.True(graph.GetProperty("error").GetProperty("is_transient").GetBoolean());
        var zalo = await http.GetAsync($"{server.ZaloOpenApiBaseUri}/v2.0/oa/listrecentchat?data=%7B%7D");
        Assert.Equal(500, (int)zalo.StatusCode);
        var (shopeeStatus, shopee, _) = await SimHttp.GetAsync(http, SimHttp.ShopeeUrl(server.ShopeeBaseUri, "/api/v2/sellerchat/get_conversation_list", "shopee-at-1", SimulatorFixture.ShopeeShopId, "&direction=older&type=all"));
        Assert.Equal(500, shopeeStatus);
        Assert.Equal("error_server", shopee.GetProperty("error").GetString());
        var control = await http.GetAsync($"{server.BaseUri}_sim/calls");
        Assert.Equal(200, (int)control.StatusCode);
        Assert.Equal(3, server.State.CallCounts.Total);
    }
}
