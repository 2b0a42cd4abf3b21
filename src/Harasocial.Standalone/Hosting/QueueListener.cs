using Harasocial.Sync.Hosting;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Harasocial.Sync.Functions;

namespace Harasocial.Standalone.Hosting;

/// <summary>
/// Standalone stand-in for the Functions host's queue trigger (the semantics host.json sets): receives batches, runs them with a
/// bound, deletes on success, retries with back-off through visibility, moves a message to <c>&lt;queue&gt;-poison</c>
/// after <see cref="FunctionTable.MaxDequeueCount"/> attempts, and backs off polling when idle.
/// Queue visibility is what keeps two instances from running one message at the same time.
/// </summary>
internal sealed partial class QueueListener(
    QueueFunction function,
    QueueClient queue,
    QueueClient poison,
    FunctionRunner runner,
    HostingOptions options,
    TimeProvider time,
    ILogger<QueueListener> log)
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken stopping)
    {
        using var handlersStop = new CancellationTokenSource();
        using var slots = new SemaphoreSlim(FunctionTable.BatchSize);
        var running = new List<Task>();
        var idle = MinPollingInterval;
        while (!stopping.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);

            // Fetch a new batch only when at least half the slots are free (host.json newBatchThreshold).
            var free = slots.CurrentCount;
            if (free < FunctionTable.BatchSize / 2)
            {
                await ((Task)Task.WhenAny(running)).WaitAsync(stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            QueueMessage[] batch;
            try
            {
                batch = (await queue.ReceiveMessagesAsync(free, options.VisibilityTimeout, stopping)).Value;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Storage unreachable, or a failed move of a message that is not base64 (UndecodableMessages runs inside
                // the receive): log, back off, poll again. The listener itself must keep running.
                LogReceiveFailed(log, queue.Name, ex);
                batch = [];
            }

            if (batch.Length == 0)
            {
                await Task.Delay(idle, time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, options.MaxPollingInterval.Ticks));
                continue;
            }

            idle = MinPollingInterval;
            foreach (var message in batch)
            {
                await slots.WaitAsync(CancellationToken.None);
                running.Add(RunOneAsync(message, slots, handlersStop.Token));
            }
        }

        // Graceful stop: in-flight messages get a grace period, then are cancelled and made visible again.
        handlersStop.CancelAfter(options.ShutdownGrace);
        await Task.WhenAll(running);
    }

    private async Task RunOneAsync(QueueMessage message, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunQueueAsync(function, message.Body.ToString(), new QueueMessageContext(message.MessageId, message.DequeueCount, message.InsertedOn), cancellationToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await SetVisibleAfterAsync(message, TimeSpan.Zero);
        }
        catch (Exception ex)
        {
            await FailAsync(message, ex);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task FailAsync(QueueMessage message, Exception error)
    {
        if (message.DequeueCount >= FunctionTable.MaxDequeueCount)
        {
            LogPoisoned(log, function.Name, message.MessageId, message.DequeueCount, error);
            try
            {
                await poison.SendMessageAsync(message.Body, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            }
            catch (RequestFailedException ex)
            {
                // Left in place: it becomes visible again and is poisoned on the next attempt.
                LogReceiveFailed(log, queue.Name, ex);
            }

            return;
        }

        var delay = TimeSpan.FromTicks(Math.Min(options.RetryDelay.Ticks << (int)Math.Min(message.DequeueCount - 1, 16), MaxRetryDelay.Ticks));
        LogRetry(log, function.Name, message.MessageId, message.DequeueCount, delay, error);
        await SetVisibleAfterAsync(message, delay);
    }

    private async Task SetVisibleAfterAsync(QueueMessage message, TimeSpan delay)
    {
        try
        {
            // No new content: only the visibility changes.
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, (BinaryData?)null, delay, CancellationToken.None);
        }
        catch (RequestFailedException ex)
        {
            // The message reappears when its visibility timeout ends anyway.
            LogReceiveFailed(log, queue.Name, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue}: storage call failed")]
    private static partial void LogReceiveFailed(ILogger logger, string queue, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} failed on message {MessageId} (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, string function, string messageId, long attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed on message {MessageId} {Attempt} times; moved to the poison queue")]
    private static partial void LogPoisoned(ILogger logger, string function, string messageId, long attempt, Exception exception);
}
