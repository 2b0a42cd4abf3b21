using Harasocial.Sync.Api;
using Harasocial.Sync.Functions;
using Harasocial.Sync.Security;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Tenants;

/// <summary>
/// SPEC §4: every <c>/api</c> route but webhooks and health needs <c>X-Api-Key</c>. The admin key identifies the
/// operator; a tenant key identifies its tenant. Routes decide what each caller may do (403 otherwise). Valid keys are
/// answered from <see cref="ApiKeyCache"/>; an unknown key is looked up in storage, never cached, and counted against
/// its client address (<see cref="FailedKeyLimiter"/>: 429 past the limit, without a lookup).
/// </summary>
internal sealed class ApiKeyAuthMiddleware(RequestDelegate next, IOptions<AuthOptions> auth, FailedKeyLimiter failures, ClientAddress addresses)
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
        else if (key.Length <= 200 && tenants.TryFindCached(key, out var cached))
        {
            http.Features.Set(new Caller(IsAdmin: false, TenantId: cached));
        }
        else
        {
            // An unknown key costs a storage read and is not cached: guessing is limited per client address.
            var address = addresses.Of(http) ?? string.Empty;
            using (var refusal = failures.Refusal(address))
            {
                if (refusal is not null)
                {
                    await RateLimits.RejectAsync(http, refusal, http.RequestAborted);
                    return;
                }
            }

            if (key.Length > 200)
            {
                await Problems.Unauthorized("The API key is not valid.").ExecuteAsync(http);
                return;
            }

            if (await tenants.LookUpAsync(key, http.RequestAborted) is not { } tenantId)
            {
                failures.RecordFailure(address);
                await Problems.Unauthorized("The API key is not valid.").ExecuteAsync(http);
                return;
            }

            http.Features.Set(new Caller(IsAdmin: false, TenantId: tenantId));
        }

        await next(http);
    }

    public static bool NeedsKey(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) &&
        !path.StartsWithSegments("/api/webhooks", StringComparison.OrdinalIgnoreCase) &&
        !path.StartsWithSegments("/api/health", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Who may call a route (<see cref="HttpAccess"/>), checked the same way in both hosts.</summary>
internal static class CallerFilters
{
    /// <summary>The problem answer for a caller the route does not admit; null when it does.</summary>
    public static IResult? Refusal(HttpAccess access, HttpContext http) => access switch
    {
        HttpAccess.Tenant when Caller.Of(http) is not { TenantId: not null } => Problems.Forbidden("This route needs a tenant API key; the admin key only creates tenants."),
        HttpAccess.Admin when Caller.Of(http) is not { IsAdmin: true } => Problems.Forbidden("This route needs the admin key."),
        _ => null,
    };

    /// <summary>The standalone host's endpoint filter for <paramref name="access"/>.</summary>
    public static RouteHandlerBuilder RequireAccess(this RouteHandlerBuilder route, HttpAccess access) =>
        access == HttpAccess.Public ? route : route.AddEndpointFilter(async (context, next) => Refusal(access, context.HttpContext) ?? await next(context));
}
