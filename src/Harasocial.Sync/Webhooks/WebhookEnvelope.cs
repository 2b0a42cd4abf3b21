using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harasocial.Sync.Webhooks;

/// <summary>A queued webhook: the channel, when we acknowledged it, and the JSON body (inline) or where it was spilled.</summary>
internal sealed record WebhookEnvelope(string Channel, DateTimeOffset ReceivedAt, JsonElement? Body, string? Spill);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WebhookEnvelope))]
[JsonSerializable(typeof(string))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
