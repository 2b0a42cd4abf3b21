using Harasocial.Functions.Hosting;
using Harasocial.Functions.Tenants;

namespace Harasocial.Functions.Functions;

internal static class HttpFunctionEndpoints
{
    /// <summary>
    /// Maps every HTTP function of the table with its access rule. Queue and timer functions get their
    /// <c>POST /{Name}</c> invocation route only in custom-handler mode, where the Functions host is the one caller;
    /// standalone mode runs them from its own listeners, so no HTTP route reaches them there.
    /// </summary>
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

        if (app.Services.IsCustomHandler())
        {
            app.MapInvocationEndpoints(table);
        }

        return app;
    }
}
