using Harasocial.Functions.Functions;
using Harasocial.Functions.Storage;
using Harasocial.Functions.Sync.Timers;

namespace Harasocial.Functions.Sync;

/// <summary>
/// The periodic resync (<c>Sync:ResyncSchedule</c>, every 15 minutes by default; one instance per tick): for every
/// active connection, refresh Zalo/Shopee tokens that expire within the hour, start a resync job (conversations
/// updated since the watermark: the gap lost webhooks leave), and run a spam-folder check where it is on.
/// </summary>
internal sealed partial class ResyncTimer(ConnectionStore connections, ChannelAccess access, SyncJobs jobs, SpamChecks spam, TimeProvider time, ILogger<ResyncTimer> log) : ITimerFunctionHandler
{
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromHours(1);

    public async Task RunAsync(TimerContext context, CancellationToken cancellationToken)
    {
        var started = 0;
        foreach (var connection in await connections.ListAllAsync(cancellationToken))
        {
            if (connection.Status != ConnectionStatus.Active)
            {
                continue;
            }

            try
            {
                var current = connection;
                if (ChannelAccess.CanRefresh(connection) && connection.TokenExpiresAt is { } expires && expires - time.GetUtcNow() < RefreshAhead)
                {
                    current = await access.RefreshAsync(connection, cancellationToken) ?? connection;
                }

                if (await jobs.StartAsync(current, JobKinds.Resync, cancellationToken) is not null)
                {
                    started++;
                }

                if (SpamChecks.Applies(current))
                {
                    await spam.CheckNowAsync(current, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One connection's trouble must not stop the others' resync.
                LogFailed(log, connection.RowKey, ex);
            }
        }

        LogTick(log, context.ScheduledAt, started);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resync tick {Tick}: {Started} resync jobs started")]
    private static partial void LogTick(ILogger logger, DateTimeOffset tick, int started);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resync of connection {ConnectionId} failed")]
    private static partial void LogFailed(ILogger logger, string connectionId, Exception exception);
}
