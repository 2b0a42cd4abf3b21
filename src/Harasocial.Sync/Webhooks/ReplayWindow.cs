using Harasocial.Sync.Channels;

namespace Harasocial.Sync.Webhooks;

/// <summary>
/// How long a signed webhook stays acceptable (SPEC §4: Zalo and Shopee events dated more than 10 minutes from now,
/// either way, are acknowledged and ignored). A valid signature proves who wrote a body, not when it was sent: without
/// a window, anyone who once saw a body (a log, a proxy) could replay it forever. The same span is how long a body's
/// hash is remembered for de-duplication (<see cref="WebhookSeen"/>).
/// </summary>
internal static class ReplayWindow
{
    public static readonly TimeSpan Span = TimeSpan.FromMinutes(10);

    /// <summary>
    /// True when the body may be applied: its channel signs no time (Meta), or the signed time is within the window of
    /// <paramref name="now"/>. A channel that signs a time but whose body carries none fails closed.
    /// </summary>
    public static bool IsFresh(IChannelWebhook webhook, ReadOnlySpan<byte> body, DateTimeOffset now) =>
        !webhook.SignsTime || (webhook.SignedAt(body) is { } at && (now - at).Duration() <= Span);
}
