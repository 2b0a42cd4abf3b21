using Harasocial.Sync.Channels;
using Harasocial.Sync.Channels.Shopee;
using Harasocial.Functions.Tests.Support;
using Microsoft.Extensions.Options;

namespace Harasocial.Functions.Tests.Channels.Shopee;

public sealed class ShopeeWebhookParseTests
{
    private readonly ShopeeWebhook _webhook = new(Options.Create(new ShopeeOptions()));

    [Fact]
    public void Parse_MessageWithObjectContent_IsInboundWithExactBigIds()
    {
        var e = Assert.IsType<MessageEvent>(Assert.Single(_webhook.Parse(Fixture.Bytes("shopee", "message_object.json"))));

        Assert.Equal(("220000001", "6648342000000000001", "buyer123", "28554413104092054123"), (e.AccountId, e.CustomerId, e.CustomerName, e.ConversationExternalId));
        Assert.Equal(("2385373076638777713", "Còn hàng không shop?", MessageDirection.In), (e.Message.ExternalId, e.Message.Text, e.Message.Direction));
        Assert.False(e.IsEcho);
    }

    [Fact]
    public void Parse_MessageWithStringContent_FromShop_IsEcho()
    {
        var e = Assert.IsType<MessageEvent>(Assert.Single(_webhook.Parse(Fixture.Bytes("shopee", "message_string.json"))));

        Assert.Equal(("6648342000000000001", MessageDirection.Out, true), (e.CustomerId, e.Message.Direction, e.IsEcho));
        Assert.Equal(new ChannelAttachment("image", "https://cf.shopee.example/img.jpg"), Assert.Single(e.Message.Attachments));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1718000700000), e.Message.SentAt);
    }

    [Fact]
    public void Parse_Notification_IsConversationHint()
    {
        var e = Assert.IsType<ConversationHintEvent>(Assert.Single(_webhook.Parse(Fixture.Bytes("shopee", "notification.json"))));

        Assert.Equal(("220000001", "28554413104092054123"), (e.AccountId, e.ConversationExternalId));
    }

    [Fact]
    public void Parse_OtherCode_IsIgnored() =>
        Assert.Empty(_webhook.Parse(Fixture.Bytes("shopee", "code3.json")));

    [Theory]
    [InlineData("nope")]
    [InlineData("[]")]
    [InlineData("{\"shop_id\":1}")]
    public void Parse_WrongShape_ThrowsFormatException(string body) =>
        Assert.Throws<WebhookFormatException>(() => _webhook.Parse(System.Text.Encoding.UTF8.GetBytes(body)));
}
