using Harasocial.Sync.Functions;
using Harasocial.Sync.Tenants;

namespace Harasocial.Standalone.Hosting;

internal static class HttpFunctionEndpoints
{
    /// <summary>
    /// Maps every HTTP function of the table at its route with its access rule (the Functions worker declares the same
    /// routes as <c>HttpTrigger</c>s; the parity test compares them). Queue and timer functions have no HTTP route: the
    /// standalone host runs them from its own queue listener and timer.
    /// </summary>
    public static WebApplication MapFunctions(this WebApplication app)
    {
        var table = app.Services.GetRequiredService<FunctionTable>();
        foreach (var function in table.Http)
        {
            app.MapMethods("/" + function.Route, function.Methods, function.Handler).WithName(function.Name).RequireAccess(function.Access);
        }

        return app;
    }
}
