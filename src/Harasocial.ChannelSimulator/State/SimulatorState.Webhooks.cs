namespace Harasocial.ChannelSimulator;

public sealed partial class SimulatorState
{
    /// <summary>Signs <paramref name="rawJson"/> for the channel and posts it as is (chaos tests); returns the status code.</summary>
    public Task<int> SendWebhookAsync(string channel, string rawJson, CancellationToken cancellationToken = default) =>
        Webhooks.PostAsync(Channels.Normalize(channel), rawJson, cancellationToken);

    /// <summary>Webhooks posted so far and how the target answered.</summary>
    public IReadOnlyList<WebhookDelivery> WebhookDeliveries => Webhooks.Deliveries;

    /// <summary>Background webhook posts not finished yet.</summary>
    public int PendingWebhooks => Webhooks.Pending;
}
