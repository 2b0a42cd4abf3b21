using Harasocial.Sync.Api;
using Harasocial.Sync.Functions;
using Harasocial.Sync.Security;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync;
using Harasocial.Sync.Sync.Jobs;
using Microsoft.DurableTask.Client;
using Harasocial.Sync.Tenants;

namespace Harasocial.Sync.Connections;

internal static class ConnectionEndpoints
{
    public static IEnumerable<FunctionDefinition> Functions =>
    [
        new HttpFunction("CreateConnection", "api/connections", ["POST"], CreateAsync),
        new HttpFunction("ListConnections", "api/connections", ["GET"], ListAsync),
        new HttpFunction("GetConnection", "api/connections/{id}", ["GET"], GetAsync),
        new HttpFunction("UpdateConnection", "api/connections/{id}", ["PATCH"], UpdateAsync),
        new HttpFunction("DeleteConnection", "api/connections/{id}", ["DELETE"], DeleteAsync),
    ];

    /// <summary>
    /// Proves with the channel that the token controls <c>externalId</c> (403 naming the field if not, nothing stored),
    /// then 202 with the connection and its initial sync job; 409 when the account is already connected. The name
    /// defaults to the account's name at the channel.
    /// </summary>
    private static async Task<IResult> CreateAsync(
        HttpContext http, ConnectionStore connections, CounterStore counters, SyncJobs jobs, SpamChecks spam, ChannelAccess access, AccountOwnership ownership,
        Reconnection reconnection, DurableTaskClient durable, TimeProvider time)
    {
        var (request, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.CreateConnectionRequest);
        if (problem is not null)
        {
            return problem;
        }

        // Before anything is claimed: a 409 must not tell an unproven caller that someone holds the account.
        var (channelName, refusal) = await ownership.ProveAsync(http, request!, http.RequestAborted);
        if (refusal is not null)
        {
            return refusal;
        }

        if (await reconnection.FindAsync(Caller.TenantOf(http), request!, http.RequestAborted) is { } earlier)
        {
            var name = string.IsNullOrWhiteSpace(request!.Name) ? DefaultName(channelName) : request.Name.Trim();
            if (await reconnection.ReactivateAsync(durable, earlier, request, name, http.RequestAborted) is not var (reactivated, started))
            {
                return Problems.Conflict("This account cannot be connected: it is already connected elsewhere.");
            }

            if (SpamChecks.Applies(reactivated))
            {
                await spam.CheckNowAsync(durable, reactivated, http.RequestAborted);
            }

            return await AcceptedAsync(reactivated, started, connections, counters, http);
        }

        var id = Keys.NewId("cn_");
        var now = time.GetUtcNow();
        var jobId = SyncJobs.NewJobId(id, now);
        var connection = new ConnectionEntity
        {
            PartitionKey = Caller.TenantOf(http),
            RowKey = id,
            Channel = request!.Channel!,
            ExternalId = request.ExternalId!,
            Name = string.IsNullOrWhiteSpace(request.Name) ? DefaultName(channelName) : request.Name.Trim(),
            LinkedPageId = request.LinkedPageId,
            Status = ConnectionStatus.Syncing,
            SyncSpam = request.Settings?.SyncSpam ?? false,
            TokenExpiresAt = request.AccessTokenExpiresAt,
            CreatedAt = now,
            ActiveJobId = jobId,
        };
        connection.AccessToken = access.Seal(request.AccessToken!, connection, TokenField.Access);
        connection.RefreshToken = request.RefreshToken is null ? null : access.Seal(request.RefreshToken, connection, TokenField.Refresh);
        if (!await connections.TryCreateAsync(connection, http.RequestAborted))
        {
            // Another tenant's hold is not this caller's business: no tenant, connection or status is named.
            var holder = await connections.FindAccountAsync(request.Kind, connection.ExternalId, http.RequestAborted);
            return Problems.Conflict(holder is not null && string.Equals(holder.TenantId, connection.PartitionKey, StringComparison.Ordinal)
                ? $"This account is already connected here as connection {holder.ConnectionId}."
                : "This account cannot be connected: it is already connected elsewhere.");
        }

        var job = await jobs.StartAsync(durable, connection, JobKinds.Initial, http.RequestAborted, jobId);
        if (SpamChecks.Applies(connection))
        {
            await spam.CheckNowAsync(durable, connection, http.RequestAborted);
        }

        return await AcceptedAsync(connection, job!, connections, counters, http);
    }

    private static async Task<IResult> AcceptedAsync(ConnectionEntity connection, JobView job, ConnectionStore connections, CounterStore counters, HttpContext http)
    {
        var saved = await connections.GetAsync(connection.PartitionKey, connection.RowKey, http.RequestAborted) ?? connection;
        return Results.Json(
            new ConnectionCreated(ConnectionView.From(saved, await counters.SumAsync(saved.RowKey, http.RequestAborted)), job),
            ApiJsonContext.Default.ConnectionCreated, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>The channel's own name for the account (a seller should not see a numeric id on the card), at most 200 characters.</summary>
    private static string? DefaultName(string? channelName) =>
        string.IsNullOrWhiteSpace(channelName) ? null : channelName.Trim() is var name && name.Length > 200 ? name[..200] : name;

    private static async Task<IResult> ListAsync(HttpContext http, ConnectionStore connections, CounterStore counters)
    {
        var list = await connections.ListAsync(Caller.TenantOf(http), http.RequestAborted);
        var views = new List<ConnectionView>();
        foreach (var c in list.OrderBy(c => c.CreatedAt))
        {
            views.Add(ConnectionView.From(c, await counters.SumAsync(c.RowKey, http.RequestAborted)));
        }

        return Results.Json(new ItemsPage<ConnectionView>(views, null), ApiJsonContext.Default.ItemsPageConnectionView);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, ConnectionStore connections, CounterStore counters) =>
        await connections.GetAsync(Caller.TenantOf(http), id, http.RequestAborted) is { } c
            ? Results.Json(ConnectionView.From(c, await counters.SumAsync(c.RowKey, http.RequestAborted)), ApiJsonContext.Default.ConnectionView)
            : Problems.NotFound($"Connection '{id}'");

    /// <summary>Settings. Turning <c>syncSpam</c> on runs a spam-folder check at once; off stops future checks.</summary>
    private static async Task<IResult> UpdateAsync(string id, HttpContext http, ConnectionStore connections, CounterStore counters, SpamChecks spam, DurableTaskClient durable)
    {
        var (request, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.UpdateConnectionRequest);
        if (problem is not null)
        {
            return problem;
        }

        var existing = await connections.GetAsync(Caller.TenantOf(http), id, http.RequestAborted);
        if (existing is null)
        {
            return Problems.NotFound($"Connection '{id}'");
        }

        if (request!.Settings!.SyncSpam == true && existing.Channel != "facebook")
        {
            return Problems.Validation("settings.syncSpam", "syncSpam applies to Facebook Pages only.");
        }

        var saved = await connections.MutateAsync(existing.PartitionKey, id, c =>
        {
            c.SyncSpam = request.Settings.SyncSpam!.Value;
            c.NextSpamCheckAt = c.SyncSpam ? c.NextSpamCheckAt : null;
            return true;
        }, http.RequestAborted);
        if (saved is not null && !existing.SyncSpam && SpamChecks.Applies(saved))
        {
            await spam.CheckNowAsync(durable, saved, http.RequestAborted);
        }
        else if (saved is not null && existing.SyncSpam && !saved.SyncSpam)
        {
            await SpamChecks.StopAsync(durable, id, http.RequestAborted);
        }

        return Results.Json(ConnectionView.From(saved!, await counters.SumAsync(id, http.RequestAborted)), ApiJsonContext.Default.ConnectionView);
    }

    /// <summary>
    /// Disconnects: its jobs are cancelled and its spam watch ended, webhooks stop applying, and the account can be
    /// connected again (here: the same connection comes back with its data). <c>?purge=true</c> also deletes its data.
    /// </summary>
    private static async Task<IResult> DeleteAsync(string id, HttpContext http, ConnectionStore connections, ConnectionPurger purger, SyncJobs jobs, DurableTaskClient durable)
    {
        var purgeText = http.Request.Query["purge"].ToString();
        if (purgeText.Length > 0 && !bool.TryParse(purgeText, out _))
        {
            return Problems.Validation("purge", "purge must be true or false.");
        }

        var tenantId = Caller.TenantOf(http);
        var connection = await connections.MutateAsync(tenantId, id, c =>
        {
            c.Status = ConnectionStatus.Disconnected;
            c.StatusReason = "Disconnected by the seller.";
            return true;
        }, http.RequestAborted);
        if (connection is null)
        {
            return Problems.NotFound($"Connection '{id}'");
        }

        await connections.ReleaseAccountAsync(connection, http.RequestAborted);
        await jobs.CancelAllAsync(durable, tenantId, id, http.RequestAborted);
        await SpamChecks.StopAsync(durable, id, http.RequestAborted);
        if (bool.TryParse(purgeText, out var purge) && purge)
        {
            await purger.PurgeAsync(connection, http.RequestAborted);
        }

        return Results.NoContent();
    }
}
