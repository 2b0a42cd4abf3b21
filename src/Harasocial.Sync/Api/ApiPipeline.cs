using Harasocial.Sync.Security;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Tenants;

namespace Harasocial.Sync.Api;

/// <summary>
/// What every request meets before its function runs, in both hosts (the standalone host's pipeline, and the Functions
/// worker's ASP.NET Core pipeline through a startup filter): one log line per request that cannot carry a secret, problem
/// answers for errors and bare status codes, browser headers, rate limits, storage provisioned, and the API key.
/// </summary>
internal static class ApiPipeline
{
    public static IApplicationBuilder UseApiPipeline(this IApplicationBuilder app) =>
        app.UseRequestLogging()
            .UseProblemHandling()
            .UseSecurityHeaders()
            .UseRateLimits()
            .UseMiddleware<StorageReadyMiddleware>()
            .UseTenantAuth();
}
