using System.Collections.Frozen;
using Harasocial.Sync.Functions;
using Harasocial.Sync.Tenants;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.DurableTask.Client;

namespace Harasocial.Functions.Hosting;

/// <summary>
/// Runs an HTTP function of the product's function table inside its <c>HttpTrigger</c>: the same handler delegate the
/// standalone host maps (request delegates built once, binding route values, body and services as minimal APIs do),
/// behind the same access rule. The request pipeline (problems, headers, rate limits, API key) already ran, through
/// <see cref="ApiStartupFilter"/>.
/// </summary>
internal sealed class HttpInvoker
{
    private readonly FrozenDictionary<string, (HttpFunction Function, RequestDelegate Run)> functions;

    public HttpInvoker(FunctionTable table, IServiceProvider services)
    {
        functions = table.Http.ToFrozenDictionary(f => f.Name, f => (f, Build(f, services)), StringComparer.Ordinal);
    }

    public async Task<IResult> RunAsync(string name, HttpRequest request, DurableTaskClient durable)
    {
        var http = request.HttpContext;
        http.RequestServices.GetRequiredService<DurableClientHolder>().Client = durable;
        var (function, run) = functions[name];
        if (CallerFilters.Refusal(function.Access, http) is { } refusal)
        {
            return refusal;
        }

        await run(http);
        return Results.Empty; // the handler wrote the answer
    }

    private static RequestDelegate Build(HttpFunction function, IServiceProvider services)
    {
        var route = RoutePatternFactory.Parse(function.Route);
        return RequestDelegateFactory.Create(function.Handler, new RequestDelegateFactoryOptions
        {
            ServiceProvider = services,
            RouteParameterNames = [.. route.Parameters.Select(p => p.Name)],
            EndpointBuilder = new RouteEndpointBuilder(null, route, 0) { ApplicationServices = services },
        }).RequestDelegate;
    }
}
