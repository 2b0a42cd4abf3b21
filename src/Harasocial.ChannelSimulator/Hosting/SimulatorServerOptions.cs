namespace Harasocial.ChannelSimulator;

public sealed class SimulatorServerOptions
{
    /// <summary>Loopback port; 0 = a free port chosen by the OS.</summary>
    public int Port { get; set; }
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>App base URL; webhooks POST to <c>{WebhookTarget}api/webhooks/{facebook|instagram|zalo|shopee}</c>.</summary>
    public Uri? WebhookTarget { get; set; }

    /// <summary>Log requests to the console (the executable turns this on).</summary>
    public bool ConsoleLogging { get; set; }
}
