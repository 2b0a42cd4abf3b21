namespace Harasocial.ChannelSimulator;

/// <summary>A copy of one thread for assertions; <see cref="Messages"/> is newest first.</summary>
public sealed record ThreadSnapshot(
    string Channel,
    string AccountId,
    string CustomerId,
    string CustomerName,
    string ThreadId,
    string Folder,
    DateTimeOffset LastActivity,
    int MessageCount,
    bool IsFollower,
    IReadOnlyList<SimMessage> Messages);
