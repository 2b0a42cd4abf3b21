using Harasocial.Sync.Channels;

namespace Harasocial.Functions.IntegrationTests.Channels;

/// <summary>Every client pages the simulator to the end: each conversation exactly once, page caps respected,
/// inline messages continued with ListMessagesAsync.</summary>
public sealed class PagingTests
{
    [Theory]
    [InlineData(ChannelKind.Facebook, "facebook", 7, 3, 40)]
    [InlineData(ChannelKind.Instagram, "instagram", 4, 25, 10)]
    [InlineData(ChannelKind.Zalo, "zalo", 10, 10, 35)]
    [InlineData(ChannelKind.Shopee, "shopee", 25, 1, 60)]
    public async Task ListConversations_PagedToEnd_EveryConversationExactlyOnce(ChannelKind kind, string channel, int pageSize, int inline, int expected)
    {
        await using var sim = await ChannelSim.StartAsync();
        var account = ChannelSim.Account(kind);

        var (items, calls) = await sim.AllConversationsAsync(kind, pageSize, inline);

        var simCustomers = sim.State.CustomerIds(channel, account.ExternalId);
        Assert.Equal(expected, simCustomers.Count);
        Assert.Equal(simCustomers.Order(StringComparer.Ordinal), items.Select(c => c.Customer.Id).Order(StringComparer.Ordinal));
        Assert.True(calls >= (expected + pageSize - 1) / pageSize);
        Assert.Equal(items.OrderByDescending(c => c.LastActivityAt).Select(c => c.Customer.Id), items.Select(c => c.Customer.Id));
        Assert.All(items, c => Assert.True(c.Messages.Count <= Math.Max(inline, 1)));
    }

    [Theory]
    [InlineData(ChannelKind.Facebook, "facebook", 5)]
    [InlineData(ChannelKind.Zalo, "zalo", 10)]
    [InlineData(ChannelKind.Shopee, "shopee", 25)]
    public async Task ListMessages_FromInlineCursorToEnd_ReturnsWholeThread(ChannelKind kind, string channel, int pageSize)
    {
        await using var sim = await ChannelSim.StartAsync();
        var (items, _) = await sim.AllConversationsAsync(kind, kind == ChannelKind.Zalo ? 10 : 25, 3);

        foreach (var conversation in items.Take(4))
        {
            var messages = await sim.AllMessagesAsync(kind, conversation, pageSize);
            var thread = sim.State.GetThread(channel, ChannelSim.Account(kind).ExternalId, conversation.Customer.Id)!;
            Assert.Equal(thread.Messages.Select(m => m.Id).Order(StringComparer.Ordinal), messages.Select(m => m.ExternalId).Order(StringComparer.Ordinal));
            var inbound = thread.Messages.Where(m => m.Inbound).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            Assert.All(messages, m => Assert.Equal(inbound.Contains(m.ExternalId) ? MessageDirection.In : MessageDirection.Out, m.Direction));
        }
    }

    [Fact]
    public async Task Instagram_MessagesPastTheTwentyNewest_AreDetailsUnavailable()
    {
        await using var sim = await ChannelSim.StartAsync();
        var (items, _) = await sim.AllConversationsAsync(ChannelKind.Instagram, 25, 25);

        var conversation = items.First(c => c.Messages.Count == 25);
        Assert.All(conversation.Messages.Take(20), m => Assert.False(m.DetailsUnavailable));
        Assert.All(conversation.Messages.Skip(20), m => Assert.True(m.DetailsUnavailable && m.Text is null));
        Assert.NotNull(conversation.MessagesCursor);
    }

    [Fact]
    public async Task Facebook_SpamFolder_ListsOnlySpamThreads()
    {
        await using var sim = await ChannelSim.StartAsync();
        var (items, _) = await sim.AllConversationsAsync(ChannelKind.Facebook, 25, 5, "spam");

        Assert.Equal(sim.State.CustomerIds("facebook", SimulatorFixture.FacebookPageId, "spam").Order(StringComparer.Ordinal), items.Select(c => c.Customer.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PostsAndComments_FacebookAndInstagram_PageToEnd()
    {
        await using var sim = await ChannelSim.StartAsync();
        var fb = sim.Client(ChannelKind.Facebook);
        var account = ChannelSim.Account(ChannelKind.Facebook);

        var posts = await fb.ListPostsAsync(account, null, 5, CancellationToken.None);
        Assert.Equal(3, posts.Items.Count);
        var total = 0;
        foreach (var post in posts.Items)
        {
            string? cursor = null;
            do
            {
                var page = await fb.ListCommentsAsync(account, post.ExternalId, cursor, 5, CancellationToken.None);
                Assert.All(page.Items, c => Assert.Equal(post.ExternalId, c.PostExternalId));
                total += page.Items.Count;
                cursor = page.NextCursor;
            }
            while (cursor is not null);
        }

        Assert.True(total >= 0);
        var media = await sim.Client(ChannelKind.Instagram).ListPostsAsync(ChannelSim.Account(ChannelKind.Instagram), null, 5, CancellationToken.None);
        Assert.NotNull(media.Items);
    }
}
