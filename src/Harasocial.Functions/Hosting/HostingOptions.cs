using System.ComponentModel.DataAnnotations;

namespace Harasocial.Functions.Hosting;

internal enum HostingMode
{
    /// <summary>Custom handler when <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> is set, standalone otherwise.</summary>
    Auto,

    /// <summary>The app runs its own queue listeners and cron timers.</summary>
    Standalone,

    /// <summary>The Functions host owns the triggers and calls <c>POST /{FunctionName}</c>.</summary>
    CustomHandler,
}

/// <summary>Standalone trigger settings. Defaults mirror host.json so both modes behave alike.</summary>
internal sealed class HostingOptions
{
    public const string Section = "Hosting";

    public HostingMode Mode { get; set; } = HostingMode.Auto;

    /// <summary>Longest wait between polls of an empty queue (host.json <c>maxPollingInterval</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a received message stays invisible while it runs.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First retry delay of a failed message; doubles per attempt, capped at one minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>On shutdown, how long in-flight messages may finish before they are cancelled and made visible again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest request body accepted (SPEC §4: webhooks over 1 MiB answer 413).</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public static bool IsCustomHandler(HostingOptions options) =>
        options.Mode == HostingMode.CustomHandler ||
        (options.Mode == HostingMode.Auto && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(CustomHandlerPortVariable)));

    public const string CustomHandlerPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";
}
