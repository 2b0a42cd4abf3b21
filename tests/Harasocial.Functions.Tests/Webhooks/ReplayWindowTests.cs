using System.Text;
using Harasocial.Sync.Channels.Facebook;
using Harasocial.Sync.Channels.Shopee;
using Harasocial.Sync.Channels.Zalo;
using Harasocial.Functions.Tests.Support;
using Harasocial.Sync.Webhooks;

namespace Harasocial.Functions.Tests.Webhooks;

/// <summary>The signed send time of Zalo and Shopee bodies against the 10-minute window; Meta bodies are not dated.</summary>
public sealed class ReplayWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, true)]
    [InlineData(-9, true)]
    [InlineData(9, true)]
    [InlineData(-11, false)]
    [InlineData(11, false)]
    public void ZaloAndShopee_SignedTimeAgainstTheWindow(int minutes, bool fresh)
    {
        var at = Now.AddMinutes(minutes);
        var zalo = $$"""{"app_id":"1","event_name":"user_send_text","timestamp":"{{at.ToUnixTimeMilliseconds()}}"}""";
        var shopee = "{\"shop_id\":1,\"code\":10,\"timestamp\":" + at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"data\":{\"type\":\"notification\"}}";

        Assert.Equal(fresh, ReplayWindow.IsFresh(Zalo, Encoding.UTF8.GetBytes(zalo), Now));
        Assert.Equal(fresh, ReplayWindow.IsFresh(Shopee, Encoding.UTF8.GetBytes(shopee), Now));
        Assert.Equal(at.ToUnixTimeSeconds(), Shopee.SignedAt(Encoding.UTF8.GetBytes(shopee))!.Value.ToUnixTimeSeconds());
    }

    [Theory]
    [InlineData("""{"app_id":"1","event_name":"follow"}""")]
    [InlineData("""{"app_id":"1","timestamp":"soon"}""")]
    [InlineData("""{"app_id":"1","timestamp":"99999999999999999"}""")]
    [InlineData("""{"app_id":"1","timestamp":"-5"}""")]
    [InlineData("""{"shop_id":1,"code":10,"timestamp":900000000000}""")]
    [InlineData("""{"shop_id":1,"code":10}""")]
    [InlineData("not json")]
    public void UndatedOrOutOfCalendar_NotFresh_NoException(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        Assert.False(ReplayWindow.IsFresh(Zalo, bytes, Now));
        Assert.False(ReplayWindow.IsFresh(Shopee, bytes, Now));
    }

    [Fact]
    public void Meta_OldBody_StillFresh_DeduplicationCoversRepeats()
    {
        var facebook = ChannelServices.Webhook<FacebookWebhook>(new());
        var body = Encoding.UTF8.GetBytes("""{"object":"page","entry":[{"id":"1","time":1500000000000,"messaging":[]}]}""");

        Assert.False(facebook.SignsTime);
        Assert.True(ReplayWindow.IsFresh(facebook, body, Now));
    }

    private static ZaloWebhook Zalo => ChannelServices.Webhook<ZaloWebhook>(new());

    private static ShopeeWebhook Shopee => ChannelServices.Webhook<ShopeeWebhook>(new());
}
