using System.Collections.Concurrent;
using Harasocial.Sync.Functions;

namespace Harasocial.Functions.IntegrationTests.Functions;

/// <summary>What test handlers saw, shared across app instances of one test.</summary>
internal sealed class Recorder
{
    private int running;

    public ConcurrentQueue<(string Text, QueueMessageContext Context)> Messages { get; } = new();

    public ConcurrentQueue<TimerContext> Ticks { get; } = new();

    public ConcurrentDictionary<string, int> InFlight { get; } = new(StringComparer.Ordinal);

    public int MaxConcurrentPerMessage { get; private set; }

    public int MaxRunning { get; private set; }

    public Func<string, Task>? OnMessage { get; set; }

    public async Task RecordAsync(string text, QueueMessageContext context)
    {
        var now = InFlight.AddOrUpdate(text, 1, (_, n) => n + 1);
        var all = Interlocked.Increment(ref running);
        lock (this)
        {
            MaxConcurrentPerMessage = Math.Max(MaxConcurrentPerMessage, now);
            MaxRunning = Math.Max(MaxRunning, all);
        }

        try
        {
            Messages.Enqueue((text, context));
            if (OnMessage is not null)
            {
                await OnMessage(text);
            }
        }
        finally
        {
            InFlight.AddOrUpdate(text, 0, (_, n) => n - 1);
            Interlocked.Decrement(ref running);
        }
    }
}

internal sealed class RecordingQueueHandler(Recorder recorder) : IQueueFunctionHandler
{
    public Task HandleAsync(string messageText, QueueMessageContext context, CancellationToken cancellationToken) =>
        recorder.RecordAsync(messageText, context);
}

internal sealed class RecordingTimerHandler(Recorder recorder) : ITimerFunctionHandler
{
    public Task RunAsync(TimerContext context, CancellationToken cancellationToken)
    {
        recorder.Ticks.Enqueue(context);
        return Task.CompletedTask;
    }
}
