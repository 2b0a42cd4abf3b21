namespace Harasocial.ChannelSimulator;

/// <summary>
/// One customer's conversation. Generated messages are computed on demand from the seed; only messages added at run
/// time (inbound via the control API, outbound via the send endpoints) are stored. Guarded by the state lock.
/// </summary>
internal sealed class SimThread
{
    public required ulong Hash { get; init; }
    public required string CustomerId { get; init; }
    public required string CustomerName { get; init; }

    /// <summary>Graph <c>t_…</c> id or Shopee conversation id; equals <see cref="CustomerId"/> for Zalo.</summary>
    public required string ThreadId { get; init; }
    public required string Folder { get; set; }
    public required DateTimeOffset LastActivity { get; set; }
    public required int GeneratedCount { get; init; }
    public required DateTimeOffset GeneratedNewest { get; init; }
    public required long StepTicks { get; init; }

    /// <summary>Generated in the spam folder: its newest generated message is the buyer's (a thread the seller answered
    /// would have left Spam at the platform).</summary>
    public bool GeneratedAsSpam { get; init; }
    public bool IsFollower { get; set; } = true;
    public int UnreadCount { get; set; }
    public List<SimMessage> Added { get; } = [];

    public int MessageCount => GeneratedCount + Added.Count;
}
