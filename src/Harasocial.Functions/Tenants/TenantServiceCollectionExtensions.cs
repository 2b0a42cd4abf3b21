using Harasocial.Functions.Functions;

namespace Harasocial.Functions.Tenants;

internal static class TenantServiceCollectionExtensions
{
    public static IServiceCollection AddTenants(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ApiKeyCache(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<FailedKeyLimiter>();
        services.AddSingleton<TenantStore>();
        services.AddFunctions(TenantEndpoints.Functions);
        return services;
    }

    public static WebApplication UseTenantAuth(this WebApplication app)
    {
        app.UseMiddleware<ApiKeyAuthMiddleware>();
        return app;
    }
}
