using System.ComponentModel.DataAnnotations;
using Harasocial.Sync.Channels;

namespace Harasocial.Sync.Sync;

internal sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>How old the buyer's last message in a spam-folder thread must be before it is imported.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SpamDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>6-field NCRONTAB for the periodic resync.</summary>
    public string ResyncSchedule { get; set; } = "0 */15 * * * *";

    /// <summary>Wait before retrying a throttled step when the channel names no wait.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DefaultThrottleWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest a throttled step waits, whatever the channel asks (tests and demos shorten it).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxThrottleWait { get; set; } = TimeSpan.FromHours(1);

    /// <summary>First wait of the Durable retry policy for a failed activity; it doubles up to a minute, 5 attempts in all.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ActivityRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Per-channel limits; missing entries keep <see cref="ChannelPolicy.Defaults"/>.</summary>
    public Dictionary<ChannelKind, ChannelPolicy> Policies { get; set; } = ChannelPolicy.Defaults();

    /// <summary>How long to wait after a throttle answer: what the channel asked for, else the default, at most the cap.</summary>
    public TimeSpan ThrottleWait(TimeSpan? asked)
    {
        var wait = asked ?? DefaultThrottleWait;
        return wait > MaxThrottleWait ? MaxThrottleWait : wait;
    }

    public ChannelPolicy Policy(ChannelKind channel) => Policies.TryGetValue(channel, out var p) ? p : ChannelPolicy.Defaults()[channel];
}
