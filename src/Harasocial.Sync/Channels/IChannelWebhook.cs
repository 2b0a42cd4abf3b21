namespace Harasocial.Sync.Channels;

internal enum WebhookVerification { Valid, MissingSignature, InvalidSignature }

/// <summary>Verifies and parses one channel's webhook/push bodies. Verification uses the RAW body bytes and
/// compares in constant time; an empty configured secret always fails closed (InvalidSignature).</summary>
internal interface IChannelWebhook
{
    ChannelKind Kind { get; }

    WebhookVerification Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body);

    /// <summary>Whether the signed body carries the time it was sent (Zalo `timestamp` ms, Shopee `timestamp` s). Meta
    /// bodies carry event times but Meta redelivers failed webhooks for hours, so their age proves nothing.</summary>
    bool SignsTime { get; }

    /// <summary>The send time written in the signed body; null when absent or unreadable (or the channel signs none).</summary>
    DateTimeOffset? SignedAt(ReadOnlySpan<byte> body);

    /// <summary>Throws <see cref="WebhookFormatException"/> for non-JSON or a wrong top-level shape; unknown
    /// event types are ignored (empty list).</summary>
    IReadOnlyList<ChannelEvent> Parse(ReadOnlySpan<byte> body);
}

internal sealed class WebhookFormatException : Exception
{
    public WebhookFormatException()
    {
    }

    public WebhookFormatException(string message)
        : base(message)
    {
    }

    public WebhookFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
