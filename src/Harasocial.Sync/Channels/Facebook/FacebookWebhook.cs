using Harasocial.Sync.Channels.Graph;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Channels.Facebook;

/// <summary>`object=page` webhooks: messaging, standby and feed comments (channel-apis.md §1.7).</summary>
internal sealed class FacebookWebhook(IOptions<FacebookOptions> options) : IChannelWebhook
{
    public ChannelKind Kind => ChannelKind.Facebook;

    public WebhookVerification Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body) =>
        MetaWebhook.Verify(headers, body, options.Value.AppSecret);

    public bool VerifySubscription(string? mode, string? verifyToken, string? challenge) =>
        MetaWebhook.VerifySubscription(mode, verifyToken, challenge, options.Value.VerifyToken);

    /// <summary>Meta retries undelivered webhooks for hours: an old body is no sign of a replay (de-duplication by body
    /// hash covers repeats, <see cref="Webhooks.WebhookSeen"/>).</summary>
    public bool SignsTime => false;

    public DateTimeOffset? SignedAt(ReadOnlySpan<byte> body) => null;

    public IReadOnlyList<ChannelEvent> Parse(ReadOnlySpan<byte> body)
    {
        var envelope = MetaWebhook.ReadEnvelope(body, "page");
        if (envelope is null)
        {
            return [];
        }

        var events = new List<ChannelEvent>();
        foreach (var entry in envelope.Entry ?? [])
        {
            events.AddRange(MetaWebhook.MessageEvents(ChannelKind.Facebook, entry));
            foreach (var change in entry.Changes ?? [])
            {
                if (string.Equals(change.Field, "feed", StringComparison.Ordinal) && entry.Id is { } pageId
                    && FacebookMapper.ToCommentEvent(pageId, MetaWebhook.EntryTime(entry), change.Value) is { } comment)
                {
                    events.Add(comment);
                }
            }
        }

        return events;
    }
}
