using Harasocial.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Harasocial.Functions.Functions;

/// <summary>Sync jobs (SPEC §4): Durable orchestration instances started, listed, read and cancelled through the Durable client. Routes and names as in the product's function table.</summary>
internal sealed class SyncJobsFunctions(HttpInvoker http)
{
    [Function("StartSync")]
    public Task<IResult> StartSync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/connections/{id}/sync")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("StartSync", request, durable);

    [Function("ListSyncJobs")]
    public Task<IResult> ListSyncJobs([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/connections/{id}/sync-jobs")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("ListSyncJobs", request, durable);

    [Function("GetSyncJob")]
    public Task<IResult> GetSyncJob([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/sync-jobs/{jobId}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("GetSyncJob", request, durable);

    [Function("CancelSyncJob")]
    public Task<IResult> CancelSyncJob([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/sync-jobs/{jobId}/cancel")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("CancelSyncJob", request, durable);

    [Function("LoadMoreConversations")]
    public Task<IResult> LoadMoreConversations([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/connections/{id}/conversations/load-more")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.RunAsync("LoadMoreConversations", request, durable);
}
