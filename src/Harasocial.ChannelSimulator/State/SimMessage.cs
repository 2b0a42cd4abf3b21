namespace Harasocial.ChannelSimulator;

/// <summary>One message of a thread. <see cref="Index"/> is chronological (0 = oldest) and never changes.</summary>
public sealed record SimMessage(int Index, string Id, bool Inbound, DateTimeOffset At, string? Text, SimAttachment? Attachment)
{
    /// <summary>Tag the send endpoint received (Graph), for outbound messages the simulator stored.</summary>
    public string? Tag { get; init; }

    /// <summary>Sent by the seller in the platform's own inbox, not through a send endpoint (Meta's echo then carries no app id of ours).</summary>
    public bool FromPlatform { get; init; }
}

/// <summary>An image or file attachment; <see cref="Kind"/> is <c>image</c> or <c>file</c>.</summary>
public sealed record SimAttachment(string Id, string Kind, string Url, string Name, string MimeType, int Width, int Height);

/// <summary>A message one of the send endpoints accepted.</summary>
public sealed record SentMessage(
    string Channel, string AccountId, string RecipientId, string Text, string? Tag, string MessageId, DateTimeOffset At);
