using Harasocial.Sync.Channels;

namespace Harasocial.Sync.Sync.Steps;

/// <summary>
/// Spam folder (SPEC §2): a thread is imported once the buyer's last message in it is at least the spam delay old;
/// a fresher one is left for a follow-up check at its last buyer message + the delay.
/// </summary>
internal static class SpamSelection
{
    /// <summary>Graph reports times in whole seconds, so a message may be up to a second newer than its timestamp.</summary>
    private static readonly TimeSpan TimestampPrecision = TimeSpan.FromSeconds(1);

    public static (List<ChannelConversation> Ready, DateTimeOffset? FollowUpAt) Choose(IEnumerable<ChannelConversation> page, TimeSpan delay, DateTimeOffset now)
    {
        var ready = new List<ChannelConversation>();
        DateTimeOffset? followUp = null;
        foreach (var c in page)
        {
            var lastBuyerMessage = c.Messages.Where(m => m.Direction == MessageDirection.In).Select(m => (DateTimeOffset?)m.SentAt).Max() ?? c.LastActivityAt;
            var dueAt = lastBuyerMessage + delay + TimestampPrecision;
            if (dueAt <= now)
            {
                ready.Add(c);
            }
            else if (followUp is null || dueAt < followUp)
            {
                followUp = dueAt;
            }
        }

        return (ready, followUp);
    }
}
