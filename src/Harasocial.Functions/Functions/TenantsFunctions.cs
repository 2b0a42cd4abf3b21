using Harasocial.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Harasocial.Functions.Functions;

/// <summary>Tenants (SPEC §4): the operator creates them with the admin key. Routes and names as in the product's function table.</summary>
internal sealed class TenantsFunctions(HttpInvoker http)
{
    [Function("CreateTenant")]
    public Task<IResult> CreateTenant([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/tenants")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("CreateTenant", request, durable);

    [Function("GetTenant")]
    public Task<IResult> GetTenant([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/tenants/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("GetTenant", request, durable);
}
