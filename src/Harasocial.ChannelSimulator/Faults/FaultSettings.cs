namespace Harasocial.ChannelSimulator;

/// <summary>Fault injection for the platform endpoints (never for <c>/_sim</c>). Rates are probabilities 0..1.</summary>
public sealed class FaultSettings
{
    /// <summary>Answer a platform 500 (Graph code 2 transient, Zalo HTTP 500, Shopee <c>error_server</c>).</summary>
    public double ErrorRate { get; set; }

    /// <summary>Answer the platform's throttle error (Graph 80006/80002, Zalo -32, Shopee <c>error_rate_limit</c>).</summary>
    public double ThrottleRate { get; set; }

    /// <summary>Added to every platform call.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Probability of waiting <see cref="TimeoutDelay"/> before answering.</summary>
    public double TimeoutRate { get; set; }
    public TimeSpan TimeoutDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Only these endpoints (call-log names such as <c>graph.conversations</c>) suffer the faults; null = all.</summary>
    public IReadOnlySet<string>? Endpoints { get; set; }

    /// <summary>Only calls for these account ids suffer the faults; null = all.</summary>
    public IReadOnlySet<string>? Accounts { get; set; }

    public FaultSettings Clone() => (FaultSettings)MemberwiseClone();
}
