using Harasocial.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Harasocial.Functions.Functions;

/// <summary>Health and the dashboard (<c>GET /</c> and its files under <c>/dashboard/</c>). Routes and names as in the product's function table.</summary>
internal sealed class HealthFunctions(HttpInvoker http)
{
    [Function("Health")]
    public Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("Health", request, durable);

    [Function("Dashboard")]
    public Task<IResult> Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{ignored:maxlength(0)?}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("Dashboard", request, durable);

    [Function("DashboardAsset")]
    public Task<IResult> DashboardAsset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{*asset}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("DashboardAsset", request, durable);
}
