namespace Harasocial.Functions.IntegrationTests.ChannelSimulator;

/// <summary>The simulator's answers to "whose token is this?" (Graph /me and Page node, Zalo getoa, Shopee get_shop_info):
/// tokens are tied to their accounts, so another account's token names that account or is refused.</summary>
[Collection("Simulator")]
public sealed class OwnershipEndpointTests(SimulatorFixture fixture)
{
    private string Graph => fixture.Server.GraphBaseUri.ToString();

    [Fact]
    public async Task GraphMe_PageToken_IsThePage_UnknownToken190()
    {
        var (status, body, _) = await SimHttp.GetAsync(fixture.Http, $"{Graph}/me?fields=id,name", "fb-token-1");
        var (unknown, error, _) = await SimHttp.GetAsync(fixture.Http, $"{Graph}/me?fields=id,name", "nobody");

        Assert.Equal(200, status);
        Assert.Equal((SimulatorFixture.FacebookPageId, "Shop Hoa Mai"), (body.GetProperty("id").GetString(), body.GetProperty("name").GetString()));
        Assert.Equal(400, unknown);
        Assert.Equal(190, error.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task GraphPage_LinkedInstagramAccount_OnlyForThatPagesToken()
    {
        var url = $"{Graph}/{SimulatorFixture.InstagramPageId}?fields={Uri.EscapeDataString("id,name,instagram_business_account{id,username}")}";
        var (status, body, _) = await SimHttp.GetAsync(fixture.Http, url, "ig-token-1");
        var (other, error, _) = await SimHttp.GetAsync(fixture.Http, url, "fb-token-1");

        Assert.Equal(200, status);
        var ig = body.GetProperty("instagram_business_account");
        Assert.Equal((SimulatorFixture.InstagramId, "hoamai.shop"), (ig.GetProperty("id").GetString(), ig.GetProperty("username").GetString()));
        Assert.Equal(SimulatorFixture.InstagramPageId, body.GetProperty("id").GetString());
        Assert.Equal(400, other);
        Assert.Equal((100, 33), (error.GetProperty("error").GetProperty("code").GetInt32(), error.GetProperty("error").GetProperty("error_subcode").GetInt32()));
    }

    [Fact]
    public async Task ZaloGetOa_NamesTheTokensOa()
    {
        var (status, body, _) = await SimHttp.GetAsync(fixture.Http, $"{fixture.Server.ZaloOpenApiBaseUri}/v2.0/oa/getoa", headers: new Dictionary<string, string> { ["access_token"] = "zalo-at-1" });
        var (_, invalid, _) = await SimHttp.GetAsync(fixture.Http, $"{fixture.Server.ZaloOpenApiBaseUri}/v2.0/oa/getoa", headers: new Dictionary<string, string> { ["access_token"] = "nobody" });

        Assert.Equal(200, status);
        Assert.Equal(0, body.GetProperty("error").GetInt32());
        Assert.Equal((SimulatorFixture.ZaloOaId, "Hoa Mai OA"), (body.GetProperty("data").GetProperty("oa_id").GetString(), body.GetProperty("data").GetProperty("name").GetString()));
        Assert.Equal(-216, invalid.GetProperty("error").GetInt32());
    }

    [Fact]
    public async Task ShopeeShopInfo_OnlyTheShopsOwnTokenPasses()
    {
        var own = SimHttp.ShopeeUrl(fixture.Server.ShopeeBaseUri, "/api/v2/shop/get_shop_info", "shopee-at-1", SimulatorFixture.ShopeeShopId, "");
        var foreign = SimHttp.ShopeeUrl(fixture.Server.ShopeeBaseUri, "/api/v2/shop/get_shop_info", "zalo-at-1", SimulatorFixture.ShopeeShopId, "");

        var (status, body, _) = await SimHttp.GetAsync(fixture.Http, own);
        var (refused, error, _) = await SimHttp.GetAsync(fixture.Http, foreign);

        Assert.Equal(200, status);
        Assert.Equal(("", "Hoa Mai Store"), (body.GetProperty("error").GetString(), body.GetProperty("shop_name").GetString()));
        Assert.Equal(403, refused);
        Assert.Equal("invalid_acceess_token", error.GetProperty("error").GetString());
    }
}
