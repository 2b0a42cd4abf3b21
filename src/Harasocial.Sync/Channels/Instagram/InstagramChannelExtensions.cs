namespace Harasocial.Sync.Channels.Instagram;

internal static class InstagramChannelExtensions
{
    /// <summary>Options come from `Channels:Facebook` (registered by AddFacebookChannel).</summary>
    public static IServiceCollection AddInstagramChannel(this IServiceCollection services)
    {
        services.AddSingleton<InstagramClient>();
        services.AddSingleton<InstagramWebhook>();
        services.AddKeyedSingleton<IChannelClient>(ChannelKind.Instagram, (sp, _) => sp.GetRequiredService<InstagramClient>());
        services.AddKeyedSingleton<IChannelWebhook>(ChannelKind.Instagram, (sp, _) => sp.GetRequiredService<InstagramWebhook>());
        return services;
    }
}
