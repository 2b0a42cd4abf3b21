namespace Harasocial.Sync.Channels.Zalo;

internal static class ZaloChannelExtensions
{
    public static IServiceCollection AddZaloChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ZaloOptions>()
            .Bind(configuration.GetSection(ZaloOptions.Section))
            .Validate(o => ChannelOptionsValidation.IsAbsoluteHttpUrl(o.OpenApiBaseUrl), "Channels:Zalo:OpenApiBaseUrl must be an absolute http(s) URL.")
            .Validate(o => ChannelOptionsValidation.IsAbsoluteHttpUrl(o.OAuthBaseUrl), "Channels:Zalo:OAuthBaseUrl must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.AddSingleton<ZaloHttp>();
        services.AddSingleton<ZaloClient>();
        services.AddSingleton<ZaloWebhook>();
        services.AddKeyedSingleton<IChannelClient>(ChannelKind.Zalo, (sp, _) => sp.GetRequiredService<ZaloClient>());
        services.AddKeyedSingleton<IChannelWebhook>(ChannelKind.Zalo, (sp, _) => sp.GetRequiredService<ZaloWebhook>());
        return services;
    }
}
