namespace Harasocial.Sync.Channels.Shopee;

internal static class ShopeeChannelExtensions
{
    public static IServiceCollection AddShopeeChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShopeeOptions>()
            .Bind(configuration.GetSection(ShopeeOptions.Section))
            .Validate(o => ChannelOptionsValidation.IsAbsoluteHttpUrl(o.ApiBaseUrl), "Channels:Shopee:ApiBaseUrl must be an absolute http(s) URL.")
            .Validate(o => o.PartnerId.Length == 0 || o.PartnerId.All(char.IsAsciiDigit), "Channels:Shopee:PartnerId must be digits.")
            .ValidateOnStart();
        services.AddSingleton<ShopeeHttp>();
        services.AddSingleton<ShopeeClient>();
        services.AddSingleton<ShopeeWebhook>();
        services.AddKeyedSingleton<IChannelClient>(ChannelKind.Shopee, (sp, _) => sp.GetRequiredService<ShopeeClient>());
        services.AddKeyedSingleton<IChannelWebhook>(ChannelKind.Shopee, (sp, _) => sp.GetRequiredService<ShopeeWebhook>());
        return services;
    }
}
