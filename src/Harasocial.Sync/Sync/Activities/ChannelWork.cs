using Harasocial.Sync.Channels;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Durable;
using Harasocial.Sync.Sync.Jobs;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Sync.Activities;

/// <summary>Everything one unit of channel work needs: its job, the connection, the account and a counting client.</summary>
internal sealed record WorkContext(JobRef Job, ConnectionEntity Connection, ChannelAccount Account, CountingChannelClient Client, DateTimeOffset Now)
{
    public ChannelKind Channel => Account.Kind;
}

/// <summary>
/// Runs one activity's channel work and turns channel failures into what the orchestration acts on: a throttle
/// answer becomes a wait (for the time the channel asks, capped), an auth failure is retried once after a token
/// refresh where the channel has single-use refresh tokens and otherwise marks the connection
/// <c>reauth_required</c> and stops the job, a permanent refusal stops the job, anything else is thrown for the
/// Durable retry policy. Work on a disconnected or re-auth connection stops at once.
/// </summary>
internal sealed partial class ChannelWork(
    ConnectionStore connections, ChannelAccess access, IOptions<SyncOptions> options, TimeProvider time, ILogger<ChannelWork> log)
{
    public async Task<ActivityResult<T>> RunAsync<T>(JobRef job, Func<WorkContext, Task<(T Value, JobCounts Stored)>> work, CancellationToken cancellationToken)
    {
        var connection = await connections.GetAsync(job.TenantId, job.ConnectionId, cancellationToken);
        if (connection is null)
        {
            return new(default, JobCounts.Zero, Stop: new JobStop(StoppedBecause.Cancelled, "The connection was deleted."));
        }

        if (connection.Status is ConnectionStatus.Disconnected or ConnectionStatus.ReauthRequired)
        {
            var because = connection.Status == ConnectionStatus.ReauthRequired ? StoppedBecause.Auth : StoppedBecause.Cancelled;
            return new(default, JobCounts.Zero, Stop: new JobStop(because, connection.StatusReason ?? $"The connection is {connection.Status}."));
        }

        return await AttemptAsync(job, connection, 0, refreshed: false, work, cancellationToken);
    }

    private async Task<ActivityResult<T>> AttemptAsync<T>(
        JobRef job, ConnectionEntity connection, int earlierCalls, bool refreshed, Func<WorkContext, Task<(T Value, JobCounts Stored)>> work, CancellationToken cancellationToken)
    {
        var channel = ChannelAccess.KindOf(connection);
        var client = new CountingChannelClient(access.Client(channel));
        var context = new WorkContext(job, connection, access.Account(connection), client, time.GetUtcNow());
        JobCounts Calls() => new(ApiCalls: earlierCalls + client.Calls);
        try
        {
            var (value, stored) = await work(context);
            return new(value, stored + Calls());
        }
        catch (ChannelException ex) when (ex.Kind == ChannelErrorKind.RateLimited)
        {
            var wait = options.Value.ThrottleWait(ex.RetryAfter);
            LogThrottled(log, job.JobId, wait);
            return new(default, Calls(), ThrottledFor: wait);
        }
        catch (ChannelException ex) when (ex.Kind == ChannelErrorKind.AuthFailed)
        {
            if (!refreshed && ChannelAccess.CanRefresh(connection) && await access.RefreshAsync(connection, cancellationToken) is { } fresh)
            {
                return await AttemptAsync(job, fresh, earlierCalls + client.Calls, refreshed: true, work, cancellationToken);
            }

            LogAuthFailed(log, job.ConnectionId, ex.ChannelCode);
            var reason = $"{FailureReasons.Of(ex)} Reconnect the account.";
            await connections.MutateAsync(job.TenantId, job.ConnectionId, c =>
            {
                c.Status = ConnectionStatus.ReauthRequired;
                c.StatusReason = reason;
                return true;
            }, cancellationToken);
            return new(default, Calls(), Stop: new JobStop(StoppedBecause.Auth, reason));
        }
        catch (ChannelException ex) when (ex.Kind == ChannelErrorKind.Permanent)
        {
            LogRefused(log, job.JobId, ex.ChannelCode, ex.HttpStatus);
            return new(default, Calls(), Stop: new JobStop(StoppedBecause.Failed, FailureReasons.Of(ex)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} throttled by the channel; again in {Wait}")]
    private static partial void LogThrottled(ILogger logger, string jobId, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection {ConnectionId} needs re-authorisation (channel code {Code})")]
    private static partial void LogAuthFailed(ILogger logger, string connectionId, string? code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: the channel refused a request for good (code {Code}, HTTP {Status})")]
    private static partial void LogRefused(ILogger logger, string jobId, string? code, int? status);
}
