namespace Harasocial.Sync.Channels.Graph;

/// <summary>Maps Graph conversations and messages (shared by Facebook and Instagram) to channel records.</summary>
internal static class GraphMapper
{
    public static ChannelConversation ToConversation(GraphConversation conversation, IReadOnlySet<string> ownIds)
    {
        var participants = conversation.Participants?.Data ?? [];
        var customerParty = participants.FirstOrDefault(p => p.Id is not null && !ownIds.Contains(p.Id))
            ?? throw new FormatException("Graph conversation without a customer participant.");
        var customer = new ChannelCustomer(customerParty.Id!, customerParty.DisplayName);
        var messages = (conversation.Messages?.Data ?? []).Select(m => ToMessage(m, customer.Id)).ToList();
        var lastActivity = GraphTime.TryParse(conversation.UpdatedTime, out var updated)
            ? updated
            : messages.Count > 0 ? messages.Max(m => m.SentAt) : DateTimeOffset.UnixEpoch;
        return new ChannelConversation(
            conversation.Id ?? throw new FormatException("Graph conversation without an id."),
            customer,
            lastActivity,
            messages,
            NextCursor(conversation.Messages?.Paging));
    }

    /// <summary>Instagram's 20-message detail cap (channel-apis.md §2.3; WIRE.md): older entries carry only
    /// `id` and `created_time`; they map to Text = null, DetailsUnavailable = true, Direction In (unknown).</summary>
    public static ChannelMessage ToMessage(GraphMessage message, string customerId)
    {
        var detailsUnavailable = message.Message is null && message.From is null && message.Attachments is null;
        var direction = message.From?.Id is null || message.From.Id == customerId ? MessageDirection.In : MessageDirection.Out;
        return new ChannelMessage(
            message.Id ?? throw new FormatException("Graph message without an id."),
            direction,
            message.Message,
            (message.Attachments?.Data ?? []).Select(ToAttachment).ToList(),
            GraphTime.TryParse(message.CreatedTime, out var created) ? created : DateTimeOffset.UnixEpoch,
            message.From?.Id,
            detailsUnavailable);
    }

    public static ChannelAttachment ToAttachment(GraphAttachment attachment)
    {
        if (attachment.ImageData is { } image)
        {
            return new ChannelAttachment("image", image.Url ?? image.PreviewUrl, attachment.Name);
        }

        if (attachment.VideoData is { } video)
        {
            return new ChannelAttachment("video", video.Url ?? video.PreviewUrl, attachment.Name);
        }

        var type = attachment.MimeType switch
        {
            { } m when m.StartsWith("image/", StringComparison.Ordinal) => "image",
            { } m when m.StartsWith("video/", StringComparison.Ordinal) => "video",
            { } m when m.StartsWith("audio/", StringComparison.Ordinal) => "audio",
            _ => "file",
        };
        return new ChannelAttachment(type, attachment.FileUrl, attachment.Name);
    }

    /// <summary>Graph cursor = the `after` cursor; `next` absent means the last page (WIRE.md).</summary>
    public static string? NextCursor(GraphPaging? paging) =>
        paging?.Next is not null ? paging.Cursors?.After : null;
}
