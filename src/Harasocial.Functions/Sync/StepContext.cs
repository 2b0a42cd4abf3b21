using Harasocial.Functions.Channels;
using Harasocial.Functions.Storage;

namespace Harasocial.Functions.Sync;

/// <summary>Everything a step needs: its message, its job and connection, the channel account and the limits.</summary>
internal sealed record StepContext(
    SyncStep Step,
    JobEntity Job,
    ConnectionEntity Connection,
    ChannelAccount Account,
    CountingChannelClient Client,
    ChannelPolicy Policy,
    DateTimeOffset Now)
{
    public ChannelKind Channel => Account.Kind;
}

/// <summary>What a step did: progress to add, steps to enqueue, the job phase to show.</summary>
internal sealed record StepResult(StepProgress Progress, IReadOnlyList<(string Type, SyncStep Step)> Children, string? Phase);
