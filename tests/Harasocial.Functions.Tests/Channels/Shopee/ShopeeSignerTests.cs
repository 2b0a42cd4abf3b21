using Harasocial.Sync.Channels.Shopee;

namespace Harasocial.Functions.Tests.Channels.Shopee;

public sealed class ShopeeSignerTests
{
    [Fact]
    public void Sign_ShopApi_MatchesKnownVector()
    {
        // Base string is the worked example from Shopee's "API calls" guide (channel-apis.md §4.2). Expected hex computed with:
        // printf '%s' '2001887/api/v2/shop/get_shop_info165571443159777174636562737266615546704c6d14701711' | openssl dgst -sha256 -hmac 'partner-key-0001'
        var sign = ShopeeSigner.Sign("partner-key-0001", "2001887", "/api/v2/shop/get_shop_info", 1655714431, "59777174636562737266615546704c6d", "14701711");
        Assert.Equal("605db9b2ac8d5c40d6d881fb6ac461aa2a38d08422bd067a87be81643c5b7673", sign);
    }

    [Fact]
    public void Sign_PublicApi_MatchesKnownVector()
    {
        // printf '%s' '2001887/api/v2/auth/access_token/get1655714431' | openssl dgst -sha256 -hmac 'partner-key-0001'
        var sign = ShopeeSigner.Sign("partner-key-0001", "2001887", "/api/v2/auth/access_token/get", 1655714431);
        Assert.Equal("db32c8ae1f0578b5dbf2928a49c36071e5c66339551b99bf2ccc30af9f09bf29", sign);
    }
}
