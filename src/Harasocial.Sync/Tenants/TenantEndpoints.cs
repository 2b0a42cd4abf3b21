using System.Text.RegularExpressions;
using Harasocial.Sync.Api;
using Harasocial.Sync.Functions;

namespace Harasocial.Sync.Tenants;

internal sealed record CreateTenantRequest(string? Id, string? Name) : IValidatable
{
    public IEnumerable<(string Field, string Error)> Validate()
    {
        if (string.IsNullOrWhiteSpace(Id) || !TenantEndpoints.IdPattern().IsMatch(Id))
        {
            yield return ("id", "id is required: 2–63 lowercase letters, digits or '-', starting with a letter or digit.");
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200)
        {
            yield return ("name", "name is required and at most 200 characters.");
        }
    }
}

internal sealed record CreateTenantResponse(string Id, string Name, string ApiKey, DateTimeOffset CreatedAt);

internal static partial class TenantEndpoints
{
    public static IEnumerable<FunctionDefinition> Functions =>
    [
        new HttpFunction("CreateTenant", "api/tenants", ["POST"], CreateAsync, HttpAccess.Admin),
        new HttpFunction("GetTenant", "api/tenants/{id}", ["GET"], GetAsync),
    ];

    /// <summary>A tenant reads itself (the dashboard checks a key with it); any other id is 404, never 403.</summary>
    private static async Task<IResult> GetAsync(string id, HttpContext http, TenantStore tenants)
    {
        if (!string.Equals(id, Caller.TenantOf(http), StringComparison.Ordinal) ||
            await tenants.GetAsync(id, http.RequestAborted) is not { } tenant)
        {
            return Problems.NotFound($"Tenant '{id}'");
        }

        return Results.Json(tenant, ApiJsonContext.Default.Tenant);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    internal static partial Regex IdPattern();

    private static async Task<IResult> CreateAsync(HttpContext http, TenantStore tenants)
    {
        var (request, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.CreateTenantRequest);
        if (problem is not null)
        {
            return problem;
        }

        var created = await tenants.CreateAsync(request!.Id!, request.Name!.Trim(), http.RequestAborted);
        if (created is not { } c)
        {
            return Problems.Conflict($"A tenant with id '{request.Id}' already exists.");
        }

        return Results.Json(
            new CreateTenantResponse(c.Tenant.Id, c.Tenant.Name, c.ApiKey, c.Tenant.CreatedAt),
            ApiJsonContext.Default.CreateTenantResponse,
            statusCode: StatusCodes.Status201Created);
    }
}
