using Harasocial.ChannelSimulator;
using Harasocial.Sync.Channels;

namespace Harasocial.Functions.IntegrationTests.Channels;

/// <summary>Each error class as the simulator produces it.</summary>
public sealed class ErrorTests
{
    public static TheoryData<ChannelKind> Kinds => new() { ChannelKind.Facebook, ChannelKind.Instagram, ChannelKind.Zalo, ChannelKind.Shopee };

    [Theory, MemberData(nameof(Kinds))]
    public async Task BadToken_IsAuthFailed(ChannelKind kind)
    {
        await using var sim = await ChannelSim.StartAsync();
        var ex = await Assert.ThrowsAsync<ChannelException>(() => List(sim, kind, ChannelSim.Account(kind, "wrong-token")));
        Assert.Equal((ChannelErrorKind.AuthFailed, kind), (ex.Kind, ex.Channel));
        Assert.DoesNotContain("wrong-token", ex.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task ErrorRateOne_IsTransient(ChannelKind kind)
    {
        await using var sim = await ChannelSim.StartAsync();
        sim.State.Faults = new FaultSettings { ErrorRate = 1 };
        var ex = await Assert.ThrowsAsync<ChannelException>(() => List(sim, kind, ChannelSim.Account(kind)));
        Assert.Equal(ChannelErrorKind.Transient, ex.Kind);
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task ThrottleRateOne_IsRateLimited(ChannelKind kind)
    {
        await using var sim = await ChannelSim.StartAsync();
        sim.State.Faults = new FaultSettings { ThrottleRate = 1 };
        var ex = await Assert.ThrowsAsync<ChannelException>(() => List(sim, kind, ChannelSim.Account(kind)));
        Assert.Equal(ChannelErrorKind.RateLimited, ex.Kind);
        if (kind is ChannelKind.Facebook or ChannelKind.Instagram or ChannelKind.Zalo)
        {
            Assert.NotNull(ex.RetryAfter);
            Assert.True(ex.RetryAfter > TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task ExpiredZaloToken_IsAuthFailed()
    {
        await using var sim = await ChannelSim.StartAsync();
        sim.State.ExpireAccessToken(SimulatorFixture.ZaloOaId);
        var ex = await Assert.ThrowsAsync<ChannelException>(() => List(sim, ChannelKind.Zalo, ChannelSim.Account(ChannelKind.Zalo)));
        Assert.Equal(ChannelErrorKind.AuthFailed, ex.Kind);
    }

    private static Task<ConversationPage> List(ChannelSim sim, ChannelKind kind, ChannelAccount account) =>
        sim.Client(kind).ListConversationsAsync(account, new ConversationQuery(null, 10, 1), CancellationToken.None);
}
