using Harasocial.Sync.Channels;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Durable;
using Harasocial.Sync.Sync.Jobs;
using Harasocial.Sync.Sync.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Harasocial.Sync.Sync;

/// <summary>
/// Requests Facebook spam-folder checks (SPEC §2) from a page's spam watch orchestration: the earliest pending check
/// is kept on the connection row, and the watch is woken (or started) when a request moves it earlier. A request for
/// a later time than the pending one changes nothing: the earlier check re-schedules whatever is still too fresh.
/// </summary>
internal sealed partial class SpamChecks(ConnectionStore connections, SyncJobs jobs, TimeProvider time, ILogger<SpamChecks> log)
{
    public static bool Applies(ConnectionEntity connection) =>
        connection.SyncSpam && ChannelAccess.KindOf(connection) == ChannelKind.Facebook;

    public Task CheckNowAsync(DurableTaskClient durable, ConnectionEntity connection, CancellationToken cancellationToken) =>
        ScheduleAsync(durable, connection, time.GetUtcNow(), cancellationToken);

    public async Task ScheduleAsync(DurableTaskClient durable, ConnectionEntity connection, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var moved = false;
        var saved = await connections.MutateAsync(connection.PartitionKey, connection.RowKey, c =>
        {
            moved = false;
            if (!Applies(c) || (c.NextSpamCheckAt is { } pending && pending <= at))
            {
                return false;
            }

            c.NextSpamCheckAt = at;
            moved = true;
            return true;
        }, cancellationToken);
        if (moved && saved is not null)
        {
            await WakeAsync(durable, saved, cancellationToken);
        }
    }

    /// <summary>Wakes the page's watch, starting it when it is not running (first request, or it ended).</summary>
    public async Task WakeAsync(DurableTaskClient durable, ConnectionEntity connection, CancellationToken cancellationToken)
    {
        var id = SpamWatchOrchestrator.InstanceId(connection.RowKey);
        var instance = await durable.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken);
        if (instance is null || instance.IsCompleted)
        {
            try
            {
                var input = jobs.Input(connection, JobKinds.Spam, time.GetUtcNow());
                await durable.ScheduleNewOrchestrationInstanceAsync(SyncTaskNames.SpamWatch, input, new StartOrchestrationOptions(id), cancellationToken);
                LogWatchStarted(log, connection.RowKey);
                return;
            }
            catch (Exception ex) when (SyncJobs.IsAlreadyExists(ex))
            {
                // Another request started it a moment ago: wake that one.
            }
        }

        await durable.RaiseEventAsync(id, SyncTaskNames.WakeEvent, null, cancellationToken);
    }

    /// <summary>syncSpam turned off: the watch ends (it would also end by itself at its next wake-up).</summary>
    public static async Task StopAsync(DurableTaskClient durable, string connectionId, CancellationToken cancellationToken)
    {
        var id = SpamWatchOrchestrator.InstanceId(connectionId);
        if (await durable.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is { IsCompleted: false })
        {
            await durable.TerminateInstanceAsync(id, new TerminateInstanceOptions { Output = "syncSpam turned off" }, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Spam-folder watch started for connection {ConnectionId}")]
    private static partial void LogWatchStarted(ILogger logger, string connectionId);
}
