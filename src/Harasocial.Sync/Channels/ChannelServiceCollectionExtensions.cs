using Harasocial.Sync.Channels.Facebook;
using Harasocial.Sync.Channels.Graph;
using Harasocial.Sync.Channels.Instagram;
using Harasocial.Sync.Channels.Shopee;
using Harasocial.Sync.Channels.Zalo;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Harasocial.Sync.Channels;

public static class ChannelServiceCollectionExtensions
{
    /// <summary>Registers channel options (validated on start), named HttpClients (30 s timeout) and the
    /// clients/webhooks as keyed services by <see cref="ChannelKind"/>. Explicit, no scanning.</summary>
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        foreach (var name in new[] { GraphHttp.ClientName, ZaloHttp.ClientName, ShopeeHttp.ClientName })
        {
            services.AddHttpClient(name, client => client.Timeout = ChannelHttp.Timeout);
        }

        services.AddFacebookChannel(configuration);
        services.AddInstagramChannel();
        services.AddZaloChannel(configuration);
        services.AddShopeeChannel(configuration);
        return services;
    }
}
