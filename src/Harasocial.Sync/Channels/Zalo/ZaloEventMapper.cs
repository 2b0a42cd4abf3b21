namespace Harasocial.Sync.Channels.Zalo;

/// <summary>Maps Zalo webhook events (channel-apis.md §3.7): `user_send_*` → inbound message, `oa_send_*` →
/// echo (sender = OA), `follow`/`unfollow` → FollowEvent; everything else (seen, reactions, group chat) is ignored.</summary>
internal static class ZaloEventMapper
{
    public static IReadOnlyList<ChannelEvent> ToEvents(ZaloEvent e)
    {
        var name = e.EventName ?? "";
        var at = ChannelTime.FromSecondsOrMillis(e.Timestamp) ?? DateTimeOffset.UnixEpoch;
        if (name is "follow" or "unfollow")
        {
            return e.Follower?.Id is { } follower && (e.OaId ?? e.Recipient?.Id) is { } oaId
                ? [new FollowEvent(ChannelKind.Zalo, oaId, at, follower, name == "follow")]
                : [];
        }

        var inbound = name.StartsWith("user_send_", StringComparison.Ordinal) && !name.StartsWith("user_send_group_", StringComparison.Ordinal);
        var echo = name.StartsWith("oa_send_", StringComparison.Ordinal);
        if ((!inbound && !echo) || e.Message?.MsgId is not { } msgId || e.Sender?.Id is not { } sender || e.Recipient?.Id is not { } recipient)
        {
            return [];
        }

        var attachments = (e.Message.Attachments ?? [])
            .Select(a => new ChannelAttachment(a.Type ?? "file", a.Payload?.Url ?? a.Payload?.Thumbnail, a.Payload?.Name))
            .ToList();
        var message = new ChannelMessage(msgId, echo ? MessageDirection.Out : MessageDirection.In, e.Message.Text, attachments, at, sender);
        return
        [
            new MessageEvent(ChannelKind.Zalo, echo ? sender : recipient, at, echo ? recipient : sender, null, null, message, echo, null),
        ];
    }
}
