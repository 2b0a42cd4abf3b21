using System.Text.Json;
using Harasocial.Functions.Channels;
using Harasocial.Functions.Functions;
using Harasocial.Functions.Storage;
using Harasocial.Functions.Sync.Steps;
using Microsoft.Extensions.Options;

namespace Harasocial.Functions.Sync;

/// <summary>
/// The <c>SyncStep</c> queue function. A step: skip if its job ended or it already ran to the end; make its channel
/// call and writes; commit progress and its marker together (counting its children as pending); enqueue the
/// children; note that they are enqueued. A crash between commit and enqueue makes the redelivered step run again
/// without counting, only to enqueue the children it owes; duplicate children share ids and commit once.
/// A throttled step goes back on the queue after the wait the channel asked for; an auth failure (after one token
/// refresh where the channel has one) marks the connection <c>reauth_required</c>; a step that keeps failing
/// fails its job on its last attempt and then lands in the poison queue.
/// </summary>
internal sealed partial class SyncStepHandler(
    JobStore jobs,
    ConnectionStore connections,
    SyncJobs syncJobs,
    SyncQueue queue,
    ChannelAccess access,
    IServiceProvider services,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<SyncStepHandler> log) : IQueueFunctionHandler
{
    public async Task HandleAsync(string messageText, QueueMessageContext context, CancellationToken cancellationToken)
    {
        StepEnvelope envelope;
        try
        {
            envelope = SyncQueue.Deserialize(messageText);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The sync step message is not a valid envelope: " + ex.Message, ex);
        }

        var step = envelope.Data;
        try
        {
            await HandleStepAsync(envelope.Type, step, cancellationToken);
        }
        catch (Exception ex) when (context.DequeueCount >= FunctionTable.MaxDequeueCount && !cancellationToken.IsCancellationRequested)
        {
            // The last attempt: record why on the job (a stable reason; the exception goes to the log) before the message
            // moves to the poison queue.
            LogGaveUp(log, step.JobId, step.StepId, context.DequeueCount, ex);
            await syncJobs.FailAsync(step.JobId, $"{FailureReasons.Of(ex)} The sync stopped after {context.DequeueCount} attempts.", CancellationToken.None);
            throw;
        }
    }

    private async Task HandleStepAsync(string type, SyncStep step, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(step.JobId, cancellationToken);
        if (job is null || job.IsTerminal || await jobs.StepStateAsync(step.JobId, step.StepId, cancellationToken) == true)
        {
            return;
        }

        if (!string.Equals(job.TenantId, step.TenantId, StringComparison.Ordinal) || !string.Equals(job.ConnectionId, step.ConnectionId, StringComparison.Ordinal))
        {
            // A step may only touch the connection its job belongs to: a message naming one tenant's job and another
            // tenant's connection is forged (or corrupt). Dropped without retry; nothing is called or written.
            LogForeignStep(log, step.JobId, step.StepId);
            return;
        }

        var connection = await connections.GetAsync(step.TenantId, step.ConnectionId, cancellationToken);
        if (connection is null || connection.Status is ConnectionStatus.Disconnected or ConnectionStatus.ReauthRequired)
        {
            await syncJobs.FailAsync(step.JobId, connection is null ? "The connection was deleted." : $"The connection is {connection.Status}: {connection.StatusReason}", cancellationToken);
            return;
        }

        await RunAsync(type, step, job, connection, refreshed: false, cancellationToken);
    }

    private async Task RunAsync(string type, SyncStep step, JobEntity job, ConnectionEntity connection, bool refreshed, CancellationToken cancellationToken)
    {
        var channel = ChannelAccess.KindOf(connection);
        var client = new CountingChannelClient(access.Client(channel));
        var context = new StepContext(step, job, connection, access.Account(connection), client, options.Value.Policy(channel), time.GetUtcNow());
        StepResult result;
        try
        {
            result = await RunStepAsync(type, context, cancellationToken);
        }
        catch (ChannelException ex) when (ex.Kind == ChannelErrorKind.RateLimited)
        {
            var wait = ex.RetryAfter ?? options.Value.DefaultThrottleWait;
            wait = wait > options.Value.MaxThrottleWait ? options.Value.MaxThrottleWait : wait;
            LogThrottled(log, step.JobId, step.StepId, wait);
            await CountCallsAsync(step.JobId, client.Calls, cancellationToken);
            await queue.EnqueueAsync(type, step, wait, cancellationToken);
            return;
        }
        catch (ChannelException ex) when (ex.Kind == ChannelErrorKind.AuthFailed)
        {
            await CountCallsAsync(step.JobId, client.Calls, cancellationToken);
            if (!refreshed && ChannelAccess.CanRefresh(connection) && await access.RefreshAsync(connection, cancellationToken) is { } fresh)
            {
                await RunAsync(type, step, job, fresh, refreshed: true, cancellationToken);
                return;
            }

            LogAuthFailed(log, step.ConnectionId, ex.ChannelCode);
            await syncJobs.RequireReauthAsync(job, ex, cancellationToken);
            await syncJobs.FailAsync(step.JobId, $"{FailureReasons.Of(ex)} Reconnect the account.", cancellationToken);
            return;
        }
        catch (ChannelException ex) when (ex.Kind == ChannelErrorKind.Permanent)
        {
            await CountCallsAsync(step.JobId, client.Calls, cancellationToken);
            LogRefused(log, step.JobId, step.StepId, ex.Channel, ex.ChannelCode, ex.HttpStatus);
            await syncJobs.FailAsync(step.JobId, FailureReasons.Of(ex), cancellationToken);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Transient channel errors and storage failures: the queue retries with back-off.
            await CountCallsAsync(step.JobId, client.Calls, CancellationToken.None);
            throw;
        }

        var (outcome, committed) = await jobs.CommitStepAsync(step.JobId, step.StepId, result.Progress, result.Children.Count, result.Phase, cancellationToken);
        if (result.Children.Count > 0)
        {
            await queue.EnqueueAllAsync(result.Children, cancellationToken);
            await jobs.MarkChildrenEnqueuedAsync(step.JobId, step.StepId, cancellationToken);
        }

        if (outcome == CommitOutcome.Committed && committed.IsTerminal)
        {
            await syncJobs.FinishAsync(committed, cancellationToken);
        }
    }

    private Task<StepResult> RunStepAsync(string type, StepContext context, CancellationToken cancellationToken) => type switch
    {
        StepTypes.Conversations => services.GetRequiredService<ConversationsStep>().RunAsync(context, cancellationToken),
        StepTypes.Customer => services.GetRequiredService<CustomerStep>().RunAsync(context, cancellationToken),
        StepTypes.Messages => services.GetRequiredService<MessagesStep>().RunAsync(context, cancellationToken),
        StepTypes.Posts => services.GetRequiredService<PostsStep>().RunAsync(context, cancellationToken),
        StepTypes.Comments => services.GetRequiredService<CommentsStep>().RunAsync(context, cancellationToken),
        _ => throw new FormatException($"Unknown sync step type '{type}': register it in Sync/StepTypes.cs and SyncStepHandler."),
    };

    private async Task CountCallsAsync(string jobId, int calls, CancellationToken cancellationToken)
    {
        if (calls > 0)
        {
            await jobs.MutateAsync(jobId, j => { j.ApiCalls += calls; return true; }, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} step {StepId} throttled by the channel; again in {Wait}")]
    private static partial void LogThrottled(ILogger logger, string jobId, string stepId, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} step {StepId} failed {Attempts} times; the job fails")]
    private static partial void LogGaveUp(ILogger logger, string jobId, string stepId, long attempts, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} step {StepId}: {Channel} refused the request for good (code {Code}, HTTP {Status})")]
    private static partial void LogRefused(ILogger logger, string jobId, string stepId, ChannelKind channel, string? code, int? status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped sync step {StepId}: its message names a tenant or connection other than job {JobId}'s")]
    private static partial void LogForeignStep(ILogger logger, string jobId, string stepId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection {ConnectionId} needs re-authorisation (channel code {Code})")]
    private static partial void LogAuthFailed(ILogger logger, string connectionId, string? code);
}
