using Harasocial.Sync.Api;
using Harasocial.Sync.Connections;
using Harasocial.Sync.Functions;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Jobs;
using Harasocial.Sync.Tenants;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Sync;

internal static class SyncEndpoints
{
    public static IEnumerable<FunctionDefinition> Functions =>
    [
        new HttpFunction("StartSync", "api/connections/{id}/sync", ["POST"], StartAsync),
        new HttpFunction("ListSyncJobs", "api/connections/{id}/sync-jobs", ["GET"], ListAsync),
        new HttpFunction("GetSyncJob", "api/sync-jobs/{jobId}", ["GET"], GetAsync),
        new HttpFunction("CancelSyncJob", "api/sync-jobs/{jobId}/cancel", ["POST"], CancelAsync),
        new HttpFunction("LoadMoreConversations", "api/connections/{id}/conversations/load-more", ["POST"], LoadMoreAsync),
    ];

    private static async Task<IResult> StartAsync(string id, HttpContext http, ConnectionStore connections, SyncJobs jobs, DurableTaskClient durable)
    {
        var (request, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.StartSyncRequest);
        if (problem is not null)
        {
            return problem;
        }

        var connection = await connections.GetAsync(Caller.TenantOf(http), id, http.RequestAborted);
        if (connection is null)
        {
            return Problems.NotFound($"Connection '{id}'");
        }

        if (connection.Status is ConnectionStatus.Disconnected or ConnectionStatus.ReauthRequired)
        {
            return Problems.Conflict($"The connection is {connection.Status}; reconnect it before syncing.");
        }

        if (request!.Kind == JobKinds.Spam && !SpamChecks.Applies(connection))
        {
            return Problems.Validation("kind", "A spam sync needs a Facebook connection with settings.syncSpam on.");
        }

        var job = await jobs.StartAsync(durable, connection, request.Kind!, http.RequestAborted);
        return job is null
            ? Problems.Conflict($"A {request.Kind} sync is already running for this connection.")
            : Results.Json(new JobCreated(job), ApiJsonContext.Default.JobCreated, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>Zalo only: the next 30 older conversations, until the connection holds 1,500.</summary>
    private static async Task<IResult> LoadMoreAsync(string id, HttpContext http, ConnectionStore connections, SyncJobs jobs, DurableTaskClient durable, IOptions<SyncOptions> options)
    {
        var connection = await connections.GetAsync(Caller.TenantOf(http), id, http.RequestAborted);
        if (connection is null)
        {
            return Problems.NotFound($"Connection '{id}'");
        }

        if (connection.Channel != "zalo")
        {
            return Problems.Status(StatusCodes.Status400BadRequest, "Not available", "Load-more is for Zalo connections only; other channels import their conversations in full.");
        }

        var policy = options.Value.Policy(Channels.ChannelKind.Zalo);
        if (connection.ListedConversations >= policy.LoadMoreMax)
        {
            return Problems.Conflict($"This connection already holds {connection.ListedConversations} Zalo conversations, the most that can be loaded ({policy.LoadMoreMax}). Newer conversations still arrive through webhooks.");
        }

        if (connection.Status is ConnectionStatus.Disconnected or ConnectionStatus.ReauthRequired)
        {
            return Problems.Conflict($"The connection is {connection.Status}; reconnect it first.");
        }

        var job = await jobs.StartAsync(durable, connection, JobKinds.LoadMore, http.RequestAborted);
        return job is null
            ? Problems.Conflict("A load-more is already running for this connection.")
            : Results.Json(new JobCreated(job), ApiJsonContext.Default.JobCreated, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> ListAsync(string id, HttpContext http, ConnectionStore connections, SyncJobs jobs, DurableTaskClient durable)
    {
        if (!Fields.TryLimit(http.Request, 20, 100, out var limit, out var problem))
        {
            return problem!;
        }

        if (await connections.GetAsync(Caller.TenantOf(http), id, http.RequestAborted) is null)
        {
            return Problems.NotFound($"Connection '{id}'");
        }

        var list = await SyncJobs.ListAsync(durable, id, limit, http.RequestAborted);
        return Results.Json(new ItemsPage<JobView>(list, null), ApiJsonContext.Default.ItemsPageJobView);
    }

    private static async Task<IResult> GetAsync(string jobId, HttpContext http, SyncJobs jobs, DurableTaskClient durable) =>
        await SyncJobs.GetAsync(durable, Caller.TenantOf(http), jobId, http.RequestAborted) is { } job
            ? Results.Json(job, ApiJsonContext.Default.JobView)
            : Problems.NotFound($"Sync job '{jobId}'");

    private static async Task<IResult> CancelAsync(string jobId, HttpContext http, SyncJobs jobs, DurableTaskClient durable) =>
        await jobs.CancelAsync(durable, Caller.TenantOf(http), jobId, http.RequestAborted) is { } job
            ? Results.Json(job, ApiJsonContext.Default.JobView)
            : Problems.NotFound($"Sync job '{jobId}'");
}
