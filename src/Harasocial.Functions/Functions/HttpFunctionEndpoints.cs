using Harasocial.Functions.Tenants;

namespace Harasocial.Functions.Functions;

internal static class HttpFunctionEndpoints
{
    /// <summary>Maps every function of the table: HTTP routes as declared, queue and timer functions at <c>POST /{Name}</c>.</summary>
    public static WebApplication MapFunctions(this WebApplication app)
    {
        var table = app.Services.GetRequiredService<FunctionTable>();
        foreach (var function in table.Http)
        {
            var route = app.MapMethods("/" + function.Route, function.Methods, function.Handler).WithName(function.Name);
            _ = function.Access switch
            {
                HttpAccess.Tenant => route.RequireTenant(),
                HttpAccess.Admin => route.RequireAdmin(),
                _ => route,
            };
        }

        app.MapInvocationEndpoints(table);
        return app;
    }
}
