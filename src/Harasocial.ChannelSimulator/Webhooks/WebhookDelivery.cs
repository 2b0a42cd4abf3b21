namespace Harasocial.ChannelSimulator;

/// <summary>One webhook the simulator posted and how the target answered (0 = no answer).</summary>
public sealed record WebhookDelivery(string Channel, Uri Target, string Body, int StatusCode, DateTimeOffset At, string? Error);
