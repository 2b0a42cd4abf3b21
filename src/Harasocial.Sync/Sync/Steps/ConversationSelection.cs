using Harasocial.Sync.Channels;

namespace Harasocial.Sync.Sync.Steps;

/// <summary>
/// Which conversations of a listing page to import (pages come newest activity first).
/// Facebook: phase 1 takes every conversation active within <see cref="ChannelPolicy.RecentDays"/>; when phase 1
/// ends (the first older one) with fewer than <see cref="ChannelPolicy.FillUpBelow"/>, phase 2 takes up to
/// <see cref="ChannelPolicy.FillUpMax"/> older ones. Resync: everything active after the watermark. Other channels:
/// the <see cref="CustomerWalk"/> until the step's target count. <see cref="ResumeAt"/>: where load-more continues.
/// </summary>
internal sealed record ConversationSelection(IReadOnlyList<ChannelConversation> Taken, bool Done, int RecentFound, int OlderTaken, string Phase, int TakenSoFar = 0, string? ResumeAt = null)
{
    /// <summary>Chooses from <paramref name="page"/>; <paramref name="standing"/> says where each customer stands against
    /// the stored rows (always <see cref="CustomerStanding.New"/> on Graph, whose pages never repeat).</summary>
    public static ConversationSelection Choose(
        ChannelPolicy policy, SyncStepState state, ConversationPage page, Func<string, CustomerStanding> standing, DateTimeOffset now)
    {
        var items = page.Items;
        if (state.Since is { } watermark)
        {
            return Updated(items, watermark, standing, state);
        }

        if (policy.RecentDays is { } days)
        {
            return RecentThenFillUp(policy, state, items, now - TimeSpan.FromDays(days));
        }

        var walk = CustomerWalk.Take(items, standing, state.Taken, state.Target, state.Cursor, page.NextCursor);
        return new(walk.Taken, walk.Done, state.RecentFound, state.OlderTaken, "conversations", walk.TakenSoFar, walk.ResumeAt);
    }

    /// <summary>Resync: everything active after the watermark, then stop (listings are newest activity first); a
    /// customer this job already took on an earlier page is not taken again.</summary>
    private static ConversationSelection Updated(IReadOnlyList<ChannelConversation> items, DateTimeOffset watermark, Func<string, CustomerStanding> standing, SyncStepState state)
    {
        var taken = new List<ChannelConversation>();
        foreach (var c in items.DistinctBy(c => c.Customer.Id, StringComparer.Ordinal))
        {
            if (c.LastActivityAt <= watermark)
            {
                return new(taken, true, state.RecentFound, state.OlderTaken, "updated conversations", state.Taken + taken.Count);
            }

            if (standing(c.Customer.Id) != CustomerStanding.TakenEarlier)
            {
                taken.Add(c);
            }
        }

        return new(taken, false, state.RecentFound, state.OlderTaken, "updated conversations", state.Taken + taken.Count);
    }

    private static ConversationSelection RecentThenFillUp(ChannelPolicy policy, SyncStepState state, IReadOnlyList<ChannelConversation> items, DateTimeOffset since)
    {
        var taken = new List<ChannelConversation>();
        var (recent, older) = (state.RecentFound, state.OlderTaken);
        foreach (var c in items)
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
                return new(taken, true, recent, older, "older conversations", state.Taken + taken.Count);
            }
        }

        var fillUpFull = older >= policy.FillUpMax;
        return new(taken, fillUpFull, recent, older, older > 0 ? "older conversations" : "recent conversations", state.Taken + taken.Count);
    }
}

/// <summary>The counters a chain of listing pages carries from page to page, and the cursor of the current page.</summary>
internal sealed record SyncStepState(int RecentFound, int OlderTaken, int Taken, int Target, DateTimeOffset? Since = null, string? Cursor = null);
