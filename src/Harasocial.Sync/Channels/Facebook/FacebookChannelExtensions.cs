namespace Harasocial.Sync.Channels.Facebook;

internal static class FacebookChannelExtensions
{
    public static IServiceCollection AddFacebookChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FacebookOptions>()
            .Bind(configuration.GetSection(FacebookOptions.Section))
            .Validate(o => ChannelOptionsValidation.IsAbsoluteHttpUrl(o.GraphApiBaseUrl), "Channels:Facebook:GraphApiBaseUrl must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.AddSingleton<FacebookClient>();
        services.AddSingleton<FacebookWebhook>();
        services.AddKeyedSingleton<IChannelClient>(ChannelKind.Facebook, (sp, _) => sp.GetRequiredService<FacebookClient>());
        services.AddKeyedSingleton<IChannelWebhook>(ChannelKind.Facebook, (sp, _) => sp.GetRequiredService<FacebookWebhook>());
        return services;
    }
}
