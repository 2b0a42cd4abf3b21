using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Harasocial.Sync.Channels.Graph;

/// <summary>Meta webhook signature and envelope, shared by Facebook and Instagram
/// (https://developers.facebook.com/docs/graph-api/webhooks/getting-started, channel-apis.md §1.7).</summary>
internal static class MetaWebhook
{
    public const string SignatureHeader = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    /// <summary>`X-Hub-Signature-256: sha256=hex(HMAC-SHA256(app secret, raw body))`. The raw bytes are
    /// hashed as received: Meta escapes non-ASCII and `/` in what it signs, so re-serialised JSON never matches.</summary>
    public static WebhookVerification Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, string? appSecret)
    {
        var header = headers[SignatureHeader].ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return WebhookVerification.MissingSignature;
        }

        if (string.IsNullOrEmpty(appSecret) || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return WebhookVerification.InvalidSignature; // fail closed without a secret
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, expected);
        return WebhookSignature.HexEquals(expected, header.AsSpan(Prefix.Length))
            ? WebhookVerification.Valid
            : WebhookVerification.InvalidSignature;
    }

    /// <summary>Meta's `hub.*` GET handshake: echo the challenge only when the verify token matches.</summary>
    public static bool VerifySubscription(string? mode, string? verifyToken, string? challenge, string? configuredToken)
    {
        if (!string.Equals(mode, "subscribe", StringComparison.Ordinal) || string.IsNullOrEmpty(challenge)
            || string.IsNullOrEmpty(configuredToken) || verifyToken is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(verifyToken), Encoding.UTF8.GetBytes(configuredToken));
    }

    /// <summary>Reads the envelope; null when `object` is another product's (ignored, not a failure).</summary>
    public static MetaWebhookBody? ReadEnvelope(ReadOnlySpan<byte> body, string expectedObject)
    {
        MetaWebhookBody? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, GraphJsonContext.Default.MetaWebhookBody);
        }
        catch (JsonException ex)
        {
            throw new WebhookFormatException("The Meta webhook body is not a JSON object of the expected shape.", ex);
        }

        if (envelope?.Object is null || envelope.Entry is null)
        {
            throw new WebhookFormatException("The Meta webhook body has no `object` or `entry`.");
        }

        return string.Equals(envelope.Object, expectedObject, StringComparison.Ordinal) ? envelope : null;
    }

    /// <summary>Messages and echoes from `messaging[]` and `standby[]` (standby = another app owns the thread,
    /// https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-echoes/).
    /// Reads, deliveries, postbacks and reactions have no `message` and are ignored.</summary>
    public static IEnumerable<ChannelEvent> MessageEvents(ChannelKind channel, MetaEntry entry)
    {
        foreach (var item in (entry.Messaging ?? []).Concat(entry.Standby ?? []))
        {
            if (item.Message?.Mid is not { } mid || item.Sender?.Id is not { } sender || item.Recipient?.Id is not { } recipient)
            {
                continue;
            }

            var isEcho = item.Message.IsEcho == true;
            var at = item.Timestamp is { } ts ? ChannelTime.FromSecondsOrMillis(ts) : EntryTime(entry);
            var attachments = (item.Message.Attachments ?? [])
                .Select(a => new ChannelAttachment(a.Type ?? "file", a.Payload?.Url))
                .ToList();
            var message = new ChannelMessage(mid, isEcho ? MessageDirection.Out : MessageDirection.In, item.Message.Text, attachments, at, sender);
            yield return new MessageEvent(
                channel,
                entry.Id ?? (isEcho ? sender : recipient),
                at,
                isEcho ? recipient : sender,
                null,
                null,
                message,
                isEcho,
                item.Message.AppId);
        }
    }

    public static DateTimeOffset EntryTime(MetaEntry entry) =>
        entry.Time is { } t ? ChannelTime.FromSecondsOrMillis(t) : DateTimeOffset.UnixEpoch;

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(), // ids can be numbers: keep the exact text
                _ => null,
            }
            : null;

    public static JsonElement Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : default;
}
