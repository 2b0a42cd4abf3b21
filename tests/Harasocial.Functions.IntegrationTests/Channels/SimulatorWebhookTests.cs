using System.Collections.Concurrent;
using System.Net;
using Harasocial.ChannelSimulator;
using Harasocial.Sync.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests.Channels;

/// <summary>Webhooks the simulator signs and sends verify and parse with our webhooks (signature compatibility
/// across the WIRE.md decisions, including Meta's escaped bodies and Zalo's body-read app_id/timestamp).</summary>
public sealed class SimulatorWebhookTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Channel, HeaderDictionary Headers, byte[] Body)> _received = new();
    private WebApplication _receiver = null!;
    private Uri _target = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _receiver = builder.Build();
        _receiver.MapPost("/api/webhooks/{channel}", async (string channel, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var headers = new HeaderDictionary();
            foreach (var header in request.Headers)
            {
                headers[header.Key] = header.Value;
            }

            _received.Enqueue((channel, headers, body.ToArray()));
            return Results.Ok();
        });
        await _receiver.StartAsync();
        _target = new Uri(_receiver.Urls.First().TrimEnd('/') + "/");
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Theory]
    [InlineData(ChannelKind.Facebook, "facebook", SimulatorFixture.FacebookPageId)]
    [InlineData(ChannelKind.Instagram, "instagram", SimulatorFixture.InstagramId)]
    [InlineData(ChannelKind.Zalo, "zalo", SimulatorFixture.ZaloOaId)]
    [InlineData(ChannelKind.Shopee, "shopee", SimulatorFixture.ShopeeShopId)]
    public async Task InboundMessage_SimulatorWebhook_VerifiesAndParses(ChannelKind kind, string channel, string accountId)
    {
        await using var sim = await SimulatorServer.StartAsync(SimulatorFixture.TestScenario(), new SimulatorServerOptions { WebhookTarget = _target });
        using var services = WebhookServices(sim);
        var webhook = services.GetRequiredKeyedService<IChannelWebhook>(kind);
        var customer = sim.State.CustomerIds(channel, accountId)[0];

        var messageId = sim.State.AddInboundMessage(channel, accountId, customer, "Còn hàng / size M không?");
        var (_, headers, body) = await NextAsync(channel);

        Assert.Equal(WebhookVerification.Valid, webhook.Verify(headers, body));
        var e = Assert.IsType<MessageEvent>(Assert.Single(webhook.Parse(body)));
        Assert.Equal((messageId, customer, MessageDirection.In, "Còn hàng / size M không?"), (e.Message.ExternalId, e.CustomerId, e.Message.Direction, e.Message.Text));
        body[^2] ^= 1;
        Assert.Equal(WebhookVerification.InvalidSignature, webhook.Verify(headers, body));
    }

    [Fact]
    public async Task ZaloUnfollow_SimulatorWebhook_IsFollowEvent()
    {
        await using var sim = await SimulatorServer.StartAsync(SimulatorFixture.TestScenario(), new SimulatorServerOptions { WebhookTarget = _target });
        using var services = WebhookServices(sim);
        var webhook = services.GetRequiredKeyedService<IChannelWebhook>(ChannelKind.Zalo);
        var customer = sim.State.CustomerIds("zalo", SimulatorFixture.ZaloOaId)[0];

        sim.State.SetFollower(SimulatorFixture.ZaloOaId, customer, follower: false);
        var (_, headers, body) = await NextAsync("zalo");

        Assert.Equal(WebhookVerification.Valid, webhook.Verify(headers, body));
        var e = Assert.IsType<FollowEvent>(Assert.Single(webhook.Parse(body)));
        Assert.Equal((SimulatorFixture.ZaloOaId, customer, false), (e.AccountId, e.CustomerId, e.IsFollower));
    }

    private ServiceProvider WebhookServices(SimulatorServer sim)
    {
        var secrets = sim.State.Secrets;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:Facebook:AppSecret"] = secrets.MetaAppSecret,
            ["Channels:Zalo:AppId"] = secrets.ZaloAppId,
            ["Channels:Zalo:OaSecretKey"] = secrets.ZaloOaSecretKey,
            ["Channels:Shopee:PartnerKey"] = secrets.ShopeePartnerKey,
            ["Channels:Shopee:PushCallbackUrl"] = new Uri(_target, "api/webhooks/shopee").ToString(),
        }).Build();
        return new ServiceCollection().AddChannels(configuration).BuildServiceProvider();
    }

    private async Task<(string Channel, HeaderDictionary Headers, byte[] Body)> NextAsync(string channel)
    {
        for (var i = 0; i < 100; i++)
        {
            if (_received.TryDequeue(out var item))
            {
                Assert.Equal(channel, item.Channel);
                return item;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The simulator sent no webhook.");
    }
}
