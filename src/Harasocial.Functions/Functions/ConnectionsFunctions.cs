using Harasocial.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Harasocial.Functions.Functions;

/// <summary>Connections (SPEC §4): connect (ownership proven with the channel), list, read, settings, disconnect. Routes and names as in the product's function table.</summary>
internal sealed class ConnectionsFunctions(HttpInvoker http)
{
    [Function("CreateConnection")]
    public Task<IResult> CreateConnection([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/connections")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("CreateConnection", request, durable);

    [Function("ListConnections")]
    public Task<IResult> ListConnections([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/connections")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("ListConnections", request, durable);

    [Function("GetConnection")]
    public Task<IResult> GetConnection([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/connections/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("GetConnection", request, durable);

    [Function("UpdateConnection")]
    public Task<IResult> UpdateConnection([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/connections/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("UpdateConnection", request, durable);

    [Function("DeleteConnection")]
    public Task<IResult> DeleteConnection([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/connections/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("DeleteConnection", request, durable);
}
