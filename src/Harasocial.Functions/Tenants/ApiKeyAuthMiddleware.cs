using Harasocial.Functions.Api;
using Harasocial.Functions.Security;
using Microsoft.Extensions.Options;

namespace Harasocial.Functions.Tenants;

/// <summary>
/// SPEC §4: every <c>/api</c> route but webhooks and health needs <c>X-Api-Key</c>. The admin key identifies the
/// operator; a tenant key identifies its tenant. Routes decide what each caller may do (403 otherwise).
/// </summary>
internal sealed class ApiKeyAuthMiddleware(RequestDelegate next, IOptions<AuthOptions> auth)
{
    public const string Header = "X-Api-Key";

    public async Task InvokeAsync(HttpContext http, TenantStore tenants)
    {
        if (!NeedsKey(http.Request.Path))
        {
            await next(http);
            return;
        }

        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key))
        {
            await Problems.Unauthorized($"Send your API key in the {Header} header.").ExecuteAsync(http);
            return;
        }

        if (ApiKeyHasher.FixedTimeEquals(key, auth.Value.AdminKey))
        {
            http.Features.Set(new Caller(IsAdmin: true, TenantId: null));
        }
        else if (key.Length <= 200 && await tenants.FindTenantIdByKeyAsync(key, http.RequestAborted) is { } tenantId)
        {
            http.Features.Set(new Caller(IsAdmin: false, TenantId: tenantId));
        }
        else
        {
            await Problems.Unauthorized("The API key is not valid.").ExecuteAsync(http);
            return;
        }

        await next(http);
    }

    public static bool NeedsKey(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) &&
        !path.StartsWithSegments("/api/webhooks", StringComparison.OrdinalIgnoreCase) &&
        !path.StartsWithSegments("/api/health", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Endpoint filters for who may call a route.</summary>
internal static class CallerFilters
{
    public static RouteHandlerBuilder RequireTenant(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter(async (context, next) => Caller.Of(context.HttpContext) is { TenantId: not null }
            ? await next(context)
            : Problems.Forbidden("This route needs a tenant API key; the admin key only creates tenants."));

    public static RouteHandlerBuilder RequireAdmin(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter(async (context, next) => Caller.Of(context.HttpContext) is { IsAdmin: true }
            ? await next(context)
            : Problems.Forbidden("This route needs the admin key."));
}
