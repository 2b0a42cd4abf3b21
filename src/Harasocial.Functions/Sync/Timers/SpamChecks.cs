using Harasocial.Functions.Channels;
using Harasocial.Functions.Storage;

namespace Harasocial.Functions.Sync.Timers;

/// <summary>
/// Facebook spam-folder checks (SPEC §2). At most one check per page is pending: a request for a later time than the
/// pending one is dropped (the earlier check re-schedules whatever is still too fresh); an earlier one supersedes it
/// and the superseded timer finds it no longer matches when it fires.
/// </summary>
internal sealed partial class SpamChecks(ConnectionStore connections, TimerQueue timers, SyncJobs jobs, TimeProvider time, ILogger<SpamChecks> log)
{
    private static readonly TimeSpan Busy = TimeSpan.FromSeconds(10);

    public async Task ScheduleAsync(string tenantId, string connectionId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduled = false;
        await connections.MutateAsync(tenantId, connectionId, c =>
        {
            scheduled = false;
            if (!c.SyncSpam || c.Channel != "facebook" || (c.NextSpamCheckAt is { } pending && pending > time.GetUtcNow() && pending <= at))
            {
                return false;
            }

            c.NextSpamCheckAt = at;
            scheduled = true;
            return true;
        }, cancellationToken);
        if (scheduled)
        {
            await timers.ScheduleAsync(new TimerMessage(TimerMessage.SpamCheck, TimerMessage.CurrentVersion, tenantId, connectionId, at), cancellationToken);
        }
    }

    /// <summary>A due check: starts a spam-folder job unless the setting is off or a newer schedule superseded this timer.</summary>
    public async Task FireAsync(TimerMessage timer, CancellationToken cancellationToken)
    {
        ConnectionEntity? claimed = null;
        await connections.MutateAsync(timer.TenantId, timer.ConnectionId, c =>
        {
            claimed = null;
            if (c.NextSpamCheckAt is not { } due || Math.Abs((due - timer.DueAt).TotalMilliseconds) > 1)
            {
                return false;
            }

            c.NextSpamCheckAt = null;
            claimed = c;
            return true;
        }, cancellationToken);
        if (claimed is null || !claimed.SyncSpam || claimed.Status is not (ConnectionStatus.Active or ConnectionStatus.Syncing))
        {
            return;
        }

        if (await jobs.StartAsync(claimed, JobKinds.Spam, cancellationToken) is null)
        {
            // A check is running right now; it may have listed before the newest message, so look again soon.
            await ScheduleAsync(timer.TenantId, timer.ConnectionId, time.GetUtcNow() + Busy, cancellationToken);
            return;
        }

        LogCheck(log, timer.ConnectionId);
    }

    public Task CheckNowAsync(ConnectionEntity connection, CancellationToken cancellationToken) =>
        ScheduleAsync(connection.PartitionKey, connection.RowKey, time.GetUtcNow(), cancellationToken);

    public static bool Applies(ConnectionEntity connection) =>
        connection.SyncSpam && ChannelAccess.KindOf(connection) == ChannelKind.Facebook;

    [LoggerMessage(Level = LogLevel.Information, Message = "Spam-folder check started for connection {ConnectionId}")]
    private static partial void LogCheck(ILogger logger, string connectionId);
}
