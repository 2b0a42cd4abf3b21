using Harasocial.Sync.Channels;
using Harasocial.Sync.Sync;
using Harasocial.Sync.Sync.Steps;

namespace Harasocial.Functions.Tests.Sync;

public sealed class SelectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SpamSelection_ByBuyersLastMessageAge_ReadyOrFollowUpAtLastMessagePlusDelay()
    {
        var delay = TimeSpan.FromMinutes(5);
        var page = new[]
        {
            Thread("old", Now.AddMinutes(-30), buyerAt: Now.AddMinutes(-30)),
            Thread("fresh", Now.AddMinutes(-2), buyerAt: Now.AddMinutes(-2)),
            Thread("fresher", Now.AddSeconds(-10), buyerAt: Now.AddSeconds(-10)),
            Thread("seller-last", Now.AddMinutes(-1), buyerAt: Now.AddMinutes(-9)),
            Thread("edge", Now.AddSeconds(-301), buyerAt: Now.AddSeconds(-301)),
        };

        var (ready, followUp) = SpamSelection.Choose(page, delay, Now);

        Assert.Equal(["old", "seller-last", "edge"], ready.Select(c => c.Customer.Id));
        Assert.Equal(Now.AddMinutes(-2) + delay + TimeSpan.FromSeconds(1), followUp);
    }

    [Fact]
    public void SpamSelection_NothingFresh_NoFollowUp()
    {
        var (ready, followUp) = SpamSelection.Choose([Thread("a", Now.AddHours(-1), Now.AddHours(-1))], TimeSpan.FromMinutes(5), Now);

        Assert.Single(ready);
        Assert.Null(followUp);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(99, 199)]
    [InlineData(100, 100)]
    [InlineData(150, 150)]
    public void FacebookSelection_PagesOf25_RecentThenFillUp(int recent, int expected)
    {
        var policy = ChannelPolicy.Defaults()[ChannelKind.Facebook];
        var all = Enumerable.Range(0, recent).Select(i => Thread($"r{i}", Now.AddHours(-i - 1), null))
            .Concat(Enumerable.Range(0, 300).Select(i => Thread($"o{i}", Now.AddDays(-31 - i), null)))
            .ToList();
        var state = new SyncStepState(0, 0, 0, 0);
        var taken = 0;
        foreach (var page in all.Chunk(25))
        {
            var selection = ConversationSelection.Choose(policy, state, new ConversationPage(page, "next"), _ => CustomerStanding.New, Now);
            taken += selection.Taken.Count;
            state = state with { RecentFound = selection.RecentFound, OlderTaken = selection.OlderTaken };
            if (selection.Done)
            {
                break;
            }
        }

        Assert.Equal(expected, taken);
    }

    [Fact]
    public void Policies_Defaults_MatchTheSpec()
    {
        var p = ChannelPolicy.Defaults();
        Assert.Equal((30, 100, 100, 50, 5, 100), (p[ChannelKind.Facebook].RecentDays!.Value, p[ChannelKind.Facebook].FillUpBelow, p[ChannelKind.Facebook].FillUpMax, p[ChannelKind.Facebook].Messages, p[ChannelKind.Facebook].Posts, p[ChannelKind.Facebook].Comments));
        Assert.Equal((50, 50, 5, 20), (p[ChannelKind.Instagram].Conversations, p[ChannelKind.Instagram].Messages, p[ChannelKind.Instagram].Posts, p[ChannelKind.Instagram].Comments));
        Assert.Equal((100, 100, 1, 30, 1500), (p[ChannelKind.Zalo].Conversations, p[ChannelKind.Zalo].Messages, p[ChannelKind.Zalo].MessagesIfUnfollowed, p[ChannelKind.Zalo].LoadMoreBatch, p[ChannelKind.Zalo].LoadMoreMax));
        Assert.Equal((100, 30, 0), (p[ChannelKind.Shopee].Conversations, p[ChannelKind.Shopee].Messages, p[ChannelKind.Shopee].Posts));
        Assert.Equal(2, p[ChannelKind.Facebook].ConversationCallsPerSecond);
    }

    private static ChannelConversation Thread(string customer, DateTimeOffset lastActivity, DateTimeOffset? buyerAt) => new(
        "t_" + customer,
        new ChannelCustomer(customer, customer),
        lastActivity,
        buyerAt is { } at
            ? [new ChannelMessage("m_" + customer, MessageDirection.In, "hi", [], at, customer)]
            : [],
        null);
}
