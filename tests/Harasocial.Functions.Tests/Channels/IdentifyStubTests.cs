using System.Net;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Channels.Shopee;
using Harasocial.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.Tests.Channels;

/// <summary>The ownership call of each client (<see cref="IChannelClient.IdentifyAsync"/>): one request of the
/// platform's shape, the answer read from the platform's shape.</summary>
public sealed class IdentifyStubTests
{
    [Fact]
    public async Task Facebook_MeWithPageToken_IsThePage()
    {
        var stub = new StubHandler(HttpStatusCode.OK, """{"id":"134895793791914","name":"Tiệm Hoa Mai"}""");
        using var services = ChannelServices.Build(handler: stub);

        var identity = await services.GetRequiredKeyedService<IChannelClient>(ChannelKind.Facebook)
            .IdentifyAsync(new ChannelAccount(ChannelKind.Facebook, "134895793791914", "page-token"), CancellationToken.None);

        Assert.Equal(new ChannelIdentity("134895793791914", "Tiệm Hoa Mai"), identity);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("https://graph.facebook.com/v25.0/me?fields=id,name", request.RequestUri!.ToString());
        Assert.Equal("Bearer page-token", request.Headers.Authorization!.ToString());
    }

    [Theory]
    [InlineData("""{"instagram_business_account":{"id":"17841405822304914","username":"hoamai.shop"},"name":"Hoa Mai","id":"134895793791914"}""", "17841405822304914", "hoamai.shop")]
    [InlineData("""{"instagram_business_account":{"id":17841405822304914},"id":"134895793791914"}""", "17841405822304914", null)]
    [InlineData("""{"name":"Hoa Mai","id":"134895793791914"}""", null, "Hoa Mai")]
    public async Task Instagram_LinkedPage_IsItsBusinessAccount(string answer, string? id, string? name)
    {
        var stub = new StubHandler(HttpStatusCode.OK, answer);
        using var services = ChannelServices.Build(handler: stub);

        var identity = await services.GetRequiredKeyedService<IChannelClient>(ChannelKind.Instagram)
            .IdentifyAsync(new ChannelAccount(ChannelKind.Instagram, "17841405822304914", "page-token", "134895793791914"), CancellationToken.None);

        Assert.Equal(new ChannelIdentity(id, name), identity);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("https://graph.facebook.com/v25.0/134895793791914?fields=id,name,instagram_business_account{id,username}", Uri.UnescapeDataString(request.RequestUri!.ToString()));
    }

    [Fact]
    public async Task Zalo_GetOa_TokenInHeaderNoDataParameter()
    {
        var stub = new StubHandler(HttpStatusCode.OK, """{"data":{"oa_id":"2491302944280861639","name":"Hoa Mai OA","description":"","avatar":"https://x/a.jpg"},"error":0,"message":"Success"}""");
        using var services = ChannelServices.Build(handler: stub);

        var identity = await services.GetRequiredKeyedService<IChannelClient>(ChannelKind.Zalo)
            .IdentifyAsync(new ChannelAccount(ChannelKind.Zalo, "2491302944280861639", "oa-token"), CancellationToken.None);

        Assert.Equal(new ChannelIdentity("2491302944280861639", "Hoa Mai OA"), identity);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("https://openapi.zalo.me/v2.0/oa/getoa", request.RequestUri!.ToString());
        Assert.Equal("oa-token", request.Headers.GetValues("access_token").Single());
    }

    [Fact]
    public async Task Shopee_GetShopInfo_SignedForTheShop_TopLevelAnswer()
    {
        var stub = new StubHandler(HttpStatusCode.OK, """{"shop_name":"Hoa Mai Store","region":"VN","status":"NORMAL","is_cb":false,"request_id":"r1","auth_time":1,"expire_time":2,"error":"","message":""}""");
        var time = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1655714431));
        using var services = ChannelServices.Build(new() { ["Channels:Shopee:PartnerId"] = "2001887", ["Channels:Shopee:PartnerKey"] = "partner-key-0001" }, stub, time);

        var identity = await services.GetRequiredKeyedService<IChannelClient>(ChannelKind.Shopee)
            .IdentifyAsync(new ChannelAccount(ChannelKind.Shopee, "14701711", "shop-token"), CancellationToken.None);

        Assert.Equal(new ChannelIdentity("14701711", "Hoa Mai Store"), identity);
        var uri = Assert.Single(stub.Requests).RequestUri!;
        Assert.Equal("/api/v2/shop/get_shop_info", uri.AbsolutePath);
        var sign = ShopeeSigner.Sign("partner-key-0001", "2001887", "/api/v2/shop/get_shop_info", 1655714431, "shop-token", "14701711");
        Assert.Contains($"shop_id=14701711&sign={sign}", uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shopee_GetShopInfo_AnotherShopsToken_AuthFailed()
    {
        var stub = new StubHandler(HttpStatusCode.Forbidden, """{"request_id":"r","error":"invalid_acceess_token","message":"Invalid access_token."}""");
        using var services = ChannelServices.Build(handler: stub);

        var ex = await Assert.ThrowsAsync<ChannelException>(() => services.GetRequiredKeyedService<IChannelClient>(ChannelKind.Shopee)
            .IdentifyAsync(new ChannelAccount(ChannelKind.Shopee, "14701711", "other-shop-token"), CancellationToken.None));

        Assert.Equal(ChannelErrorKind.AuthFailed, ex.Kind);
    }
}
