using Harasocial.ChannelSimulator;
using Harasocial.Sync.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests.Channels;

/// <summary>A private simulator (so faults and token rotation never leak into other tests) plus the real
/// AddChannels registrations pointed at it.</summary>
internal sealed class ChannelSim : IAsyncDisposable
{
    private ChannelSim(SimulatorServer server, ServiceProvider services)
    {
        Server = server;
        Services = services;
    }

    public SimulatorServer Server { get; }

    public ServiceProvider Services { get; }

    public SimulatorState State => Server.State;

    public static async Task<ChannelSim> StartAsync()
    {
        var server = await SimulatorServer.StartAsync(SimulatorFixture.TestScenario());
        var secrets = server.State.Secrets;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:Facebook:GraphApiBaseUrl"] = server.GraphBaseUri.ToString(),
            ["Channels:Facebook:AppSecret"] = secrets.MetaAppSecret,
            ["Channels:Zalo:OpenApiBaseUrl"] = server.ZaloOpenApiBaseUri.ToString(),
            ["Channels:Zalo:OAuthBaseUrl"] = server.ZaloOAuthBaseUri.ToString(),
            ["Channels:Zalo:AppId"] = secrets.ZaloAppId,
            ["Channels:Zalo:AppSecret"] = secrets.ZaloAppSecret,
            ["Channels:Zalo:OaSecretKey"] = secrets.ZaloOaSecretKey,
            ["Channels:Shopee:ApiBaseUrl"] = server.ShopeeBaseUri.ToString(),
            ["Channels:Shopee:PartnerId"] = secrets.ShopeePartnerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channels:Shopee:PartnerKey"] = secrets.ShopeePartnerKey,
        }).Build();
        var services = new ServiceCollection().AddChannels(configuration).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return new ChannelSim(server, services);
    }

    public IChannelClient Client(ChannelKind kind) => Services.GetRequiredKeyedService<IChannelClient>(kind);

    public static ChannelAccount Account(ChannelKind kind, string? token = null) => kind switch
    {
        ChannelKind.Facebook => new(kind, SimulatorFixture.FacebookPageId, token ?? "fb-token-1"),
        ChannelKind.Instagram => new(kind, SimulatorFixture.InstagramId, token ?? "ig-token-1", SimulatorFixture.InstagramPageId),
        ChannelKind.Zalo => new(kind, SimulatorFixture.ZaloOaId, token ?? "zalo-at-1"),
        _ => new(kind, SimulatorFixture.ShopeeShopId, token ?? "shopee-at-1"),
    };

    /// <summary>Pages conversations to the end, one client call per page.</summary>
    public async Task<(List<ChannelConversation> Items, int Calls)> AllConversationsAsync(ChannelKind kind, int pageSize, int inline, string folder = "inbox")
    {
        var client = Client(kind);
        var items = new List<ChannelConversation>();
        string? cursor = null;
        var calls = 0;
        do
        {
            var page = await client.ListConversationsAsync(Account(kind), new ConversationQuery(cursor, pageSize, inline, folder), CancellationToken.None);
            calls++;
            Assert.True(page.Items.Count <= pageSize, $"page of {page.Items.Count} > {pageSize}");
            items.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null && calls < 200);
        return (items, calls);
    }

    /// <summary>Inline messages, then ListMessagesAsync from MessagesCursor to the end (de-duplicated by id).</summary>
    public async Task<List<ChannelMessage>> AllMessagesAsync(ChannelKind kind, ChannelConversation conversation, int pageSize)
    {
        var messages = new List<ChannelMessage>(conversation.Messages);
        var cursor = conversation.MessagesCursor;
        var calls = 0;
        while (cursor is not null && calls++ < 100)
        {
            var page = await Client(kind).ListMessagesAsync(Account(kind), conversation.ExternalId, conversation.Customer.Id, cursor, pageSize, CancellationToken.None);
            Assert.True(page.Items.Count <= pageSize);
            messages.AddRange(page.Items);
            cursor = page.NextCursor;
        }

        return messages.DistinctBy(m => m.ExternalId, StringComparer.Ordinal).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
