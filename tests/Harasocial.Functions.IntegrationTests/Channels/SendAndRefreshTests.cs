using Harasocial.Sync.Channels;

namespace Harasocial.Functions.IntegrationTests.Channels;

public sealed class SendAndRefreshTests
{
    [Theory]
    [InlineData(ChannelKind.Facebook, "facebook")]
    [InlineData(ChannelKind.Instagram, "instagram")]
    [InlineData(ChannelKind.Zalo, "zalo")]
    [InlineData(ChannelKind.Shopee, "shopee")]
    public async Task Send_NewestConversation_IsRecordedBySimulator(ChannelKind kind, string channel)
    {
        await using var sim = await ChannelSim.StartAsync();
        var account = ChannelSim.Account(kind);
        var page = await sim.Client(kind).ListConversationsAsync(account, new ConversationQuery(null, 10, 1), CancellationToken.None);
        var newest = page.Items[0];
        var replyTo = newest.Messages.FirstOrDefault(m => m.Direction == MessageDirection.In)?.ExternalId;

        var sent = await sim.Client(kind).SendMessageAsync(account, new SendRequest(newest.ExternalId, newest.Customer.Id, "Dạ shop còn ạ", replyTo, UseHumanAgentTag: true), CancellationToken.None);

        var recorded = Assert.Single(sim.State.SentMessages, s => s.MessageId == sent.ExternalId);
        Assert.Equal((channel, newest.Customer.Id, "Dạ shop còn ạ"), (recorded.Channel, recorded.RecipientId, recorded.Text));
    }

    [Fact]
    public async Task Send_FacebookOutsideWindow_IsPermanentWithWindowCode()
    {
        await using var sim = await ChannelSim.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var customer = sim.State.CustomerIds("facebook", SimulatorFixture.FacebookPageId)
            .Select(id => sim.State.GetThread("facebook", SimulatorFixture.FacebookPageId, id)!)
            .First(t => t.Messages.Where(m => m.Inbound).Select(m => m.At).DefaultIfEmpty(DateTimeOffset.MinValue).Max() < now.AddDays(-8));

        var ex = await Assert.ThrowsAsync<ChannelException>(() => sim.Client(ChannelKind.Facebook).SendMessageAsync(
            ChannelSim.Account(ChannelKind.Facebook), new SendRequest(customer.ThreadId, customer.CustomerId, "hello", null, UseHumanAgentTag: true), CancellationToken.None));

        Assert.Equal((ChannelErrorKind.Permanent, "10/2018278"), (ex.Kind, ex.ChannelCode));
    }

    [Theory]
    [InlineData(ChannelKind.Zalo, "zalo-rt-1")]
    [InlineData(ChannelKind.Shopee, "shopee-rt-1")]
    public async Task Refresh_RotatesAndRejectsReuse(ChannelKind kind, string refreshToken)
    {
        await using var sim = await ChannelSim.StartAsync();
        var client = sim.Client(kind);
        var account = ChannelSim.Account(kind);

        var first = await client.RefreshTokenAsync(account, refreshToken, CancellationToken.None);
        Assert.NotEqual(refreshToken, first.RefreshToken);
        Assert.True(first.ExpiresAt > DateTimeOffset.UtcNow);

        var reuse = await Assert.ThrowsAsync<ChannelException>(() => client.RefreshTokenAsync(account, refreshToken, CancellationToken.None));
        Assert.Equal(ChannelErrorKind.AuthFailed, reuse.Kind);

        var page = await client.ListConversationsAsync(account with { AccessToken = first.AccessToken }, new ConversationQuery(null, 10, 1), CancellationToken.None);
        Assert.NotEmpty(page.Items);
        var second = await client.RefreshTokenAsync(account, first.RefreshToken!, CancellationToken.None);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
    }

    [Fact]
    public async Task Zalo_GetCustomer_ReturnsFollowerFlagAndExactBigId()
    {
        await using var sim = await ChannelSim.StartAsync();
        var ids = sim.State.CustomerIds("zalo", SimulatorFixture.ZaloOaId);
        foreach (var id in ids.Take(10))
        {
            var customer = await sim.Client(ChannelKind.Zalo).GetCustomerAsync(ChannelSim.Account(ChannelKind.Zalo), id, CancellationToken.None);
            var thread = sim.State.GetThread("zalo", SimulatorFixture.ZaloOaId, id)!;
            Assert.Equal((id, thread.IsFollower), (customer.Id, customer.IsFollower!.Value));
        }

        Assert.Contains(ids, id => id.Length > 16); // beyond 2^53 and still exact
    }
}
