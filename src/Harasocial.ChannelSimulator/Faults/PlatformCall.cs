namespace Harasocial.ChannelSimulator.Faults;

/// <summary>The platform call being served: endpoint name, account (handlers may refine it), start time, outcome.</summary>
internal sealed class PlatformCall(string channel, string endpoint, string? account, DateTimeOffset startedAt)
{
    private const string Key = "sim.call";

    public string Channel { get; set; } = channel;
    public string Endpoint { get; } = endpoint;
    public string? Account { get; set; } = account;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public bool Throttled { get; set; }

    public static PlatformCall? Of(HttpContext context) => context.Items.TryGetValue(Key, out var call) ? call as PlatformCall : null;

    public void Attach(HttpContext context) => context.Items[Key] = this;
}
