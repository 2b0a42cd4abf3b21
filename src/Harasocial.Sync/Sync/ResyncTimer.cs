using Harasocial.Sync.Inbox;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Jobs;
using Harasocial.Sync.Webhooks;
using Microsoft.DurableTask.Client;

namespace Harasocial.Sync.Sync;

/// <summary>
/// The periodic resync (<c>Sync:ResyncSchedule</c>, every 15 minutes by default; one instance per tick): for every
/// active connection, start a resync orchestration (it refreshes an expiring token, then imports the conversations
/// updated since the watermark: the gap lost webhooks leave) and request a spam-folder check where it is on. Every
/// connection's tokens are re-sealed under the current encryption key on the way (key rotation, README "Security"),
/// webhook hashes older than the replay window and reply idempotency keys older than 24 h are pruned.
/// </summary>
internal sealed partial class ResyncTimer(
    ConnectionStore connections, ChannelAccess access, SyncJobs jobs, SpamChecks spam, WebhookSeen seen, IdempotencyStore idempotency, TimeProvider time, ILogger<ResyncTimer> log)
{
    public async Task RunAsync(DurableTaskClient durable, DateTimeOffset tick, CancellationToken cancellationToken)
    {
        var started = 0;
        var resealed = 0;
        foreach (var listed in await connections.ListAllAsync(cancellationToken))
        {
            var connection = listed;
            try
            {
                if (await access.ResealAsync(listed, cancellationToken))
                {
                    resealed++;
                    connection = await connections.GetAsync(listed.PartitionKey, listed.RowKey, cancellationToken) ?? listed;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogResealFailed(log, listed.RowKey, ex);
            }

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

        try
        {
            // Housekeeping on the same tick: webhook hashes older than the replay window, reply idempotency keys older than 24 h.
            await seen.PruneAsync(cancellationToken);
            await idempotency.PruneAsync(time.GetUtcNow() - ReplyIdempotency.Retention, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPruneFailed(log, ex);
        }

        LogTick(log, tick, started, resealed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resync tick {Tick}: {Started} resync jobs started, tokens of {Resealed} connections re-sealed under the current key")]
    private static partial void LogTick(ILogger logger, DateTimeOffset tick, int started, int resealed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not prune the remembered webhook hashes or idempotency keys")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-seal the tokens of connection {ConnectionId} under the current key")]
    private static partial void LogResealFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resync of connection {ConnectionId} failed")]
    private static partial void LogFailed(ILogger logger, string connectionId, Exception exception);
}
