using Harasocial.Functions.Storage;
using Harasocial.Functions.Sync.Jobs;
using Microsoft.DurableTask.Client;

namespace Harasocial.Functions.Sync;

/// <summary>
/// The periodic resync (<c>Sync:ResyncSchedule</c>, every 15 minutes by default; one instance per tick): for every
/// active connection, start a resync orchestration (it refreshes an expiring token, then imports the conversations
/// updated since the watermark: the gap lost webhooks leave) and request a spam-folder check where it is on.
/// </summary>
internal sealed partial class ResyncTimer(ConnectionStore connections, SyncJobs jobs, SpamChecks spam, ILogger<ResyncTimer> log)
{
    public async Task RunAsync(DurableTaskClient durable, DateTimeOffset tick, CancellationToken cancellationToken)
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
                if (await jobs.StartAsync(durable, connection, JobKinds.Resync, cancellationToken) is not null)
                {
                    started++;
                }

                if (SpamChecks.Applies(connection))
                {
                    await spam.CheckNowAsync(durable, connection, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One connection's trouble must not stop the others' resync.
                LogFailed(log, connection.RowKey, ex);
            }
        }

        LogTick(log, tick, started);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resync tick {Tick}: {Started} resync jobs started")]
    private static partial void LogTick(ILogger logger, DateTimeOffset tick, int started);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resync of connection {ConnectionId} failed")]
    private static partial void LogFailed(ILogger logger, string connectionId, Exception exception);
}
