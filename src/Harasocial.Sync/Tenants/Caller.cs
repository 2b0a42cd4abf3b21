namespace Harasocial.Sync.Tenants;

/// <summary>Who is calling: the operator (admin key) or one tenant. Set by <see cref="ApiKeyAuthMiddleware"/>.</summary>
internal sealed record Caller(bool IsAdmin, string? TenantId)
{
    public static Caller? Of(HttpContext http) => http.Features.Get<Caller>();

    /// <summary>The tenant id of a tenant caller; routes that read tenant data call this.</summary>
    public static string TenantOf(HttpContext http) =>
        Of(http)?.TenantId ?? throw new InvalidOperationException("Tenant routes run behind ApiKeyAuthMiddleware.");
}
