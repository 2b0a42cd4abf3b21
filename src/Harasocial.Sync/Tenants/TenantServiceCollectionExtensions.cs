using Harasocial.Sync.Functions;

namespace Harasocial.Sync.Tenants;

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

    public static IApplicationBuilder UseTenantAuth(this IApplicationBuilder app)
    {
        app.UseMiddleware<ApiKeyAuthMiddleware>();
        return app;
    }
}
