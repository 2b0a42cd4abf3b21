using Harasocial.Sync.Channels;
using Harasocial.Sync.Channels.Zalo;
using Harasocial.Functions.Tests.Support;
using Microsoft.Extensions.Options;

namespace Harasocial.Functions.Tests.Channels.Zalo;

public sealed class ZaloWebhookParseTests
{
    private readonly ZaloWebhook _webhook = new(Options.Create(new ZaloOptions()));

    [Fact]
    public void Parse_UserSendText_IsInboundMessage()
    {
        var e = Assert.IsType<MessageEvent>(Assert.Single(_webhook.Parse(Fixture.Bytes("zalo", "user_send_text.json"))));

        Assert.Equal(("4400000000000000001", "8800000000000000001", "e2a641af6661713b2874", "Shop ơi"), (e.AccountId, e.CustomerId, e.Message.ExternalId, e.Message.Text));
        Assert.Equal((MessageDirection.In, false), (e.Message.Direction, e.IsEcho));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1718000500000), e.OccurredAt);
    }

    [Fact]
    public void Parse_OaSendText_IsEchoToRecipient()
    {
        var e = Assert.IsType<MessageEvent>(Assert.Single(_webhook.Parse(Fixture.Bytes("zalo", "oa_send_text.json"))));

        Assert.Equal(("4400000000000000001", "8800000000000000001", MessageDirection.Out, true), (e.AccountId, e.CustomerId, e.Message.Direction, e.IsEcho));
    }

    [Theory]
    [InlineData("follow.json", true)]
    [InlineData("unfollow.json", false)]
    public void Parse_FollowAndUnfollow_AreFollowEvents(string file, bool isFollower)
    {
        var e = Assert.IsType<FollowEvent>(Assert.Single(_webhook.Parse(Fixture.Bytes("zalo", file))));

        Assert.Equal(("4400000000000000001", "8800000000000000002", isFollower), (e.AccountId, e.CustomerId, e.IsFollower));
    }

    [Fact]
    public void Parse_UnknownEvent_IsIgnored() =>
        Assert.Empty(_webhook.Parse(Fixture.Bytes("zalo", "unknown.json")));

    [Theory]
    [InlineData("<xml/>")]
    [InlineData("\"text\"")]
    public void Parse_WrongShape_ThrowsFormatException(string body) =>
        Assert.Throws<WebhookFormatException>(() => _webhook.Parse(System.Text.Encoding.UTF8.GetBytes(body)));
}
