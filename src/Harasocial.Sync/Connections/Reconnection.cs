using Harasocial.Sync.Security;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync;
using Harasocial.Sync.Sync.Jobs;
using Microsoft.DurableTask.Client;

namespace Harasocial.Sync.Connections;

/// <summary>
/// Connecting an account this tenant already has as a disconnected (or re-auth) connection reactivates that connection
/// (SPEC §4) instead of creating a second card for one account: same id, its conversations, messages and counts kept,
/// the new tokens — proven by the ownership check before this — and a new initial sync.
/// </summary>
internal sealed partial class Reconnection(ConnectionStore connections, ChannelAccess access, SyncJobs jobs, TimeProvider time, ILogger<Reconnection> log)
{
    /// <summary>This tenant's connection of the account, when one can be reactivated (others answer 409 as before).</summary>
    public async Task<ConnectionEntity?> FindAsync(string tenantId, CreateConnectionRequest request, CancellationToken cancellationToken) =>
        (await connections.ListAsync(tenantId, cancellationToken)).FirstOrDefault(c =>
            string.Equals(c.Channel, request.Channel, StringComparison.Ordinal) && string.Equals(c.ExternalId, request.ExternalId, StringComparison.Ordinal)
            && c.Status is ConnectionStatus.Disconnected or ConnectionStatus.ReauthRequired);

    /// <summary>The reactivated connection and its initial sync; null when another tenant claimed the account first (409).</summary>
    public async Task<(ConnectionEntity Connection, JobView Job)?> ReactivateAsync(
        DurableTaskClient durable, ConnectionEntity existing, CreateConnectionRequest request, string? name, CancellationToken cancellationToken)
    {
        // A disconnect released the account; a re-auth connection still holds it.
        if (existing.Status == ConnectionStatus.Disconnected && !await connections.TryClaimAccountAsync(existing, cancellationToken))
        {
            return null;
        }

        // Jobs of its earlier life must not run on beside (or hold back) the new initial sync.
        await jobs.CancelAllAsync(durable, existing.PartitionKey, existing.RowKey, cancellationToken);
        var jobId = SyncJobs.NewJobId(existing.RowKey, time.GetUtcNow());
        var saved = await connections.MutateAsync(existing.PartitionKey, existing.RowKey, c =>
        {
            (c.Status, c.StatusReason, c.ActiveJobId) = (ConnectionStatus.Syncing, null, jobId);
            c.AccessToken = access.Seal(request.AccessToken!, c, TokenField.Access);
            c.RefreshToken = request.RefreshToken is null ? null : access.Seal(request.RefreshToken, c, TokenField.Refresh);
            (c.TokenExpiresAt, c.RefreshingUntil, c.NextSpamCheckAt) = (request.AccessTokenExpiresAt, null, null);
            c.LinkedPageId = request.LinkedPageId;
            c.Name = name ?? c.Name;
            c.SyncSpam = request.Settings?.SyncSpam ?? c.SyncSpam;
            return true;
        }, cancellationToken) ?? throw new InvalidOperationException($"Connection {existing.RowKey} disappeared while it was reactivated.");

        var job = await jobs.StartAsync(durable, saved, JobKinds.Initial, cancellationToken, jobId)
            ?? await SyncJobs.RunningAsync(durable, saved.RowKey, JobKinds.Initial, cancellationToken)
            ?? throw new InvalidOperationException($"The initial sync of reactivated connection {saved.RowKey} did not start.");
        LogReactivated(log, saved.RowKey, existing.Status);
        return (saved, job);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId} reactivated (it was {Status}); new initial sync started")]
    private static partial void LogReactivated(ILogger logger, string connectionId, string status);
}
