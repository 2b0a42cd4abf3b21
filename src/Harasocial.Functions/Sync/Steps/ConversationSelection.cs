using Harasocial.Functions.Channels;

namespace Harasocial.Functions.Sync.Steps;

/// <summary>
/// Which conversations of a listing page to import (pages come newest activity first).
/// Facebook: phase 1 takes every conversation active within <see cref="ChannelPolicy.RecentDays"/>; when phase 1
/// ends (the first older one) with fewer than <see cref="ChannelPolicy.FillUpBelow"/>, phase 2 takes up to
/// <see cref="ChannelPolicy.FillUpMax"/> older ones. Other channels take until the step's target count.
/// </summary>
internal sealed record ConversationSelection(IReadOnlyList<ChannelConversation> Taken, bool Done, int RecentFound, int OlderTaken, string Phase)
{
    public static ConversationSelection Choose(ChannelPolicy policy, SyncStepState state, IReadOnlyList<ChannelConversation> page, ISet<string> skip, DateTimeOffset now)
    {
        var taken = new List<ChannelConversation>();
        var recent = state.RecentFound;
        var older = state.OlderTaken;
        if (state.Since is { } watermark)
        {
            // Resync: everything active after the watermark, then stop (listings are newest activity first).
            foreach (var c in page)
            {
                if (c.LastActivityAt <= watermark)
                {
                    return new(taken, true, recent, older, "updated conversations");
                }

                taken.Add(c);
            }

            return new(taken, false, recent, older, "updated conversations");
        }

        if (policy.RecentDays is { } days)
        {
            var since = now - TimeSpan.FromDays(days);
            foreach (var c in page)
            {
                if (c.LastActivityAt >= since)
                {
                    taken.Add(c);
                    recent++;
                }
                else if (recent < policy.FillUpBelow && older < policy.FillUpMax)
                {
                    taken.Add(c);
                    older++;
                }
                else
                {
                    return new(taken, true, recent, older, "older conversations");
                }
            }

            var fillUpFull = older >= policy.FillUpMax;
            return new(taken, fillUpFull, recent, older, older > 0 ? "older conversations" : "recent conversations");
        }

        var count = state.Taken;
        foreach (var c in page)
        {
            if (count >= state.Target)
            {
                return new(taken, true, recent, older, "conversations");
            }

            if (skip.Contains(c.Customer.Id))
            {
                continue;
            }

            taken.Add(c);
            count++;
        }

        return new(taken, count >= state.Target, recent, older, "conversations");
    }
}

/// <summary>The counters a chain of listing pages carries from page to page.</summary>
internal sealed record SyncStepState(int RecentFound, int OlderTaken, int Taken, int Target, DateTimeOffset? Since = null);
