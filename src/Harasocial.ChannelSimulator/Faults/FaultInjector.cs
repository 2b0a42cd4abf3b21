namespace Harasocial.ChannelSimulator;

/// <summary>What a platform call should suffer, rolled from a seeded Random behind a lock (reproducible enough).</summary>
internal sealed class FaultInjector(long seed)
{
    private readonly Lock _gate = new();
#pragma warning disable CA5394 // Not security: reproducible fault injection.
    private readonly Random _random = new((int)(seed ^ (seed >> 32)));

    public FaultDecision Roll(FaultSettings settings)
    {
        if (settings.ErrorRate <= 0 && settings.ThrottleRate <= 0 && settings.TimeoutRate <= 0)
        {
            return new FaultDecision(FaultKind.None, settings.Latency);
        }

        double timeout, error, throttle;
        lock (_gate)
        {
            timeout = _random.NextDouble();
            error = _random.NextDouble();
            throttle = _random.NextDouble();
        }
#pragma warning restore CA5394

        var delay = settings.Latency + (timeout < settings.TimeoutRate ? settings.TimeoutDelay : TimeSpan.Zero);
        var kind = error < settings.ErrorRate ? FaultKind.Error
            : throttle < settings.ThrottleRate ? FaultKind.Throttle
            : FaultKind.None;
        return new FaultDecision(kind, delay);
    }
}

internal enum FaultKind
{
    None,
    Error,
    Throttle,
}

internal readonly record struct FaultDecision(FaultKind Kind, TimeSpan Delay);
