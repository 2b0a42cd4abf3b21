using Harasocial.Sync.Channels.Facebook;
using Harasocial.Sync.Channels.Graph;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Channels.Instagram;

/// <summary>`object=instagram` webhooks: messaging (incl. `is_echo`) and `comments` changes; same signature as
/// Facebook (https://developers.facebook.com/docs/instagram-platform/webhooks).</summary>
internal sealed class InstagramWebhook(IOptions<FacebookOptions> options) : IChannelWebhook
{
    public ChannelKind Kind => ChannelKind.Instagram;

    public WebhookVerification Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body) =>
        MetaWebhook.Verify(headers, body, options.Value.AppSecret);

    /// <summary>Meta retries undelivered webhooks for hours: an old body is no sign of a replay (de-duplication by body
    /// hash covers repeats, <see cref="Webhooks.WebhookSeen"/>).</summary>
    public bool SignsTime => false;

    public DateTimeOffset? SignedAt(ReadOnlySpan<byte> body) => null;

    public IReadOnlyList<ChannelEvent> Parse(ReadOnlySpan<byte> body)
    {
        var envelope = MetaWebhook.ReadEnvelope(body, "instagram");
        if (envelope is null)
        {
            return [];
        }

        var events = new List<ChannelEvent>();
        foreach (var entry in envelope.Entry ?? [])
        {
            events.AddRange(MetaWebhook.MessageEvents(ChannelKind.Instagram, entry));
            foreach (var change in entry.Changes ?? [])
            {
                if (string.Equals(change.Field, "comments", StringComparison.Ordinal) && entry.Id is { } igId
                    && InstagramMapper.ToCommentEvent(igId, MetaWebhook.EntryTime(entry), change.Value) is { } comment)
                {
                    events.Add(comment);
                }
            }
        }

        return events;
    }
}
