using System.Text.Json;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Functions;
using Microsoft.DurableTask.Client;

namespace Harasocial.Sync.Webhooks;

/// <summary>
/// The <c>WebhookEvent</c> queue function: parses a stored webhook into channel-neutral events and applies each one
/// idempotently (by the platform's ids), so redelivery, duplicates and reordering change nothing. A body already applied
/// within the replay window (same SHA-256) is dropped first: ids alone cannot tell a replayed unfollow or resync hint
/// from a new one.
/// </summary>
internal sealed partial class WebhookProcessor(WebhookInbox inbox, EventApplier applier, WebhookSeen seen, DurableTaskClient durable, IServiceProvider services, ILogger<WebhookProcessor> log) : IQueueFunctionHandler
{
    public async Task HandleAsync(string messageText, QueueMessageContext context, CancellationToken cancellationToken)
    {
        var envelope = JsonSerializer.Deserialize(messageText, WebhookJsonContext.Default.WebhookEnvelope)
            ?? throw new FormatException("Empty webhook envelope.");
        if (!ChannelKindNames.TryParseWireName(envelope.Channel, out var channel))
        {
            throw new FormatException($"Unknown webhook channel '{envelope.Channel}'.");
        }

        var (body, spill) = await inbox.ReadAsync(envelope, cancellationToken);
        if (!await seen.TryClaimAsync(channel, body, context.MessageId, envelope.ReceivedAt, cancellationToken))
        {
            LogRepeat(log, envelope.Channel, context.MessageId);
            if (spill is not null)
            {
                await inbox.DeleteSpillAsync(spill, cancellationToken);
            }

            return;
        }

        var events = services.GetRequiredKeyedService<IChannelWebhook>(channel).Parse(body);
        foreach (var channelEvent in events)
        {
            await applier.ApplyAsync(durable, channelEvent, cancellationToken);
        }

        LogApplied(log, envelope.Channel, events.Count);
        if (spill is not null)
        {
            await inbox.DeleteSpillAsync(spill, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped a {Channel} webhook (queue message {MessageId}): the same body was applied within the replay window")]
    private static partial void LogRepeat(ILogger logger, string channel, string messageId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied {Count} {Channel} webhook events")]
    private static partial void LogApplied(ILogger logger, string channel, int count);
}
