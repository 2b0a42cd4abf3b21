namespace Harasocial.Sync.Security;

internal static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TokenProtector>();
        services.AddSingleton<CursorProtector>();
        services.AddRateLimits(configuration);
        services.AddRequestLogging();
        return services;
    }
}
