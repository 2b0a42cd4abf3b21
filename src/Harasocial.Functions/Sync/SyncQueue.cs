using System.Text.Json;
using Azure.Storage.Queues;
using Harasocial.Functions.Storage;

namespace Harasocial.Functions.Sync;

/// <summary>Puts steps on the <c>sync-steps</c> queue; a delay is a durable timer (a message invisible until then).</summary>
internal sealed class SyncQueue(QueueServiceClient queues, StorageNames names)
{
    /// <summary>Azure Storage caps visibility delays at 7 days.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    private QueueClient Queue => queues.GetQueueClient(names.Queue(StorageNames.SyncStepsQueue));

    public Task EnqueueAsync(string type, SyncStep step, CancellationToken cancellationToken) =>
        EnqueueAsync(type, step, TimeSpan.Zero, cancellationToken);

    public async Task EnqueueAsync(string type, SyncStep step, TimeSpan delay, CancellationToken cancellationToken)
    {
        var text = Serialize(new StepEnvelope(type, StepEnvelope.CurrentVersion, step));
        var visibility = delay <= TimeSpan.Zero ? (TimeSpan?)null : (delay > MaxDelay ? MaxDelay : delay);
        await Queue.SendMessageAsync(text, visibility, TimeSpan.FromSeconds(-1), cancellationToken);
    }

    public Task EnqueueAllAsync(IEnumerable<(string Type, SyncStep Step)> steps, CancellationToken cancellationToken) =>
        Task.WhenAll(steps.Select(s => EnqueueAsync(s.Type, s.Step, cancellationToken)));

    public static string Serialize(StepEnvelope envelope) => JsonSerializer.Serialize(envelope, SyncJsonContext.Default.StepEnvelope);

    public static StepEnvelope Deserialize(string text)
    {
        var envelope = JsonSerializer.Deserialize(text, SyncJsonContext.Default.StepEnvelope)
            ?? throw new FormatException("The sync step message is empty.");
        if (!StepTypes.All.Contains(envelope.Type))
        {
            throw new FormatException($"Unknown sync step type '{envelope.Type}': register it in Sync/StepTypes.cs and SyncStepHandler.");
        }

        if (envelope.V != StepEnvelope.CurrentVersion)
        {
            throw new FormatException($"Sync step '{envelope.Type}' has version {envelope.V}; this build reads version {StepEnvelope.CurrentVersion}.");
        }

        return envelope;
    }
}
