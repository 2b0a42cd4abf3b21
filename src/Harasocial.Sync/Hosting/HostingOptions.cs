using System.ComponentModel.DataAnnotations;

namespace Harasocial.Sync.Hosting;

/// <summary>Request limits and the standalone host's trigger settings (section <c>Hosting</c>). Defaults mirror host.json.</summary>
internal sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>
    /// Set by the Functions worker (not a setting): requests come through the Functions host, so the client address is
    /// the last X-Forwarded-For entry, not the connection's.
    /// </summary>
    public bool BehindFunctionsHost { get; set; }

    /// <summary>Standalone: run the webhooks queue listener and the resync timer (false: HTTP only, e.g. a dedicated intake instance).</summary>
    public bool Triggers { get; set; } = true;

    /// <summary>Standalone: longest wait between polls of an empty queue (host.json <c>maxPollingInterval</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Standalone: how long a received message stays invisible while it runs (host.json <c>visibilityTimeout</c> is the retry delay there).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Standalone: first retry delay of a failed message; doubles per attempt, capped at one minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Standalone: on shutdown, how long in-flight messages may finish before they are cancelled and made visible again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest request body accepted (SPEC §4: webhooks over 1 MiB answer 413).</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
