using System.Net;
using Harasocial.Sync.Channels;
using Harasocial.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Harasocial.Functions.Tests.Channels;

/// <summary>Clients over a stub handler: request shape and header-driven classification.</summary>
public sealed class ChannelClientStubTests
{
    [Fact]
    public async Task Facebook_ThrottleWithUsageHeader_RetryAfterIsEtaMinutes()
    {
        var stub = new StubHandler(HttpStatusCode.BadRequest, """{"error":{"message":"(#80006) too many","type":"OAuthException","code":80006,"fbtrace_id":"x"}}""", r =>
        {
            r.Headers.Add("X-Business-Use-Case-Usage", """{"1":[{"type":"messenger","call_count":100,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":3}]}""");
            r.Headers.Add("Retry-After", "1");
        });
        using var services = ChannelServices.Build(handler: stub);
        var client = services.GetRequiredKeyedService<IChannelClient>(ChannelKind.Facebook);

        var ex = await Assert.ThrowsAsync<ChannelException>(() => client.ListConversationsAsync(new ChannelAccount(ChannelKind.Facebook, "1", "tok"), new ConversationQuery(null, 25, 10), CancellationToken.None));

        Assert.Equal((ChannelErrorKind.RateLimited, "80006", TimeSpan.FromMinutes(3)), (ex.Kind, ex.ChannelCode, ex.RetryAfter));
        var request = Assert.Single(stub.Requests);
        Assert.Equal("Bearer tok", request.Headers.Authorization!.ToString());
        var uri = Uri.UnescapeDataString(request.RequestUri!.ToString());
        Assert.StartsWith("https://graph.facebook.com/v25.0/1/conversations?platform=messenger&fields=id,updated_time,participants,messages.limit(10){id,message,from,to,created_time,attachments}&limit=25", uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shopee_ListConversations_SignsWithTimeProviderTimestamp()
    {
        var stub = new StubHandler(HttpStatusCode.OK, """{"request_id":"r","error":"","message":"","response":{"conversations":[],"page_result":{"page_size":25,"more":false}}}""");
        var time = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1655714431));
        using var services = ChannelServices.Build(new() { ["Channels:Shopee:PartnerId"] = "2001887", ["Channels:Shopee:PartnerKey"] = "partner-key-0001" }, stub, time);
        var client = services.GetRequiredKeyedService<IChannelClient>(ChannelKind.Shopee);

        var page = await client.ListConversationsAsync(new ChannelAccount(ChannelKind.Shopee, "14701711", "59777174636562737266615546704c6d"), new ConversationQuery(null, 100, 1), CancellationToken.None);

        Assert.Empty(page.Items);
        Assert.Null(page.NextCursor);
        var query = Assert.Single(stub.Requests).RequestUri!.Query;
        Assert.Contains("timestamp=1655714431", query, StringComparison.Ordinal);
        Assert.Contains("page_size=25", query, StringComparison.Ordinal); // clamped
        var expected = Harasocial.Sync.Channels.Shopee.ShopeeSigner.Sign("partner-key-0001", "2001887", "/api/v2/sellerchat/get_conversation_list", 1655714431, "59777174636562737266615546704c6d", "14701711");
        Assert.Contains($"sign={expected}", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zalo_Http200Error_IsClassifiedAndTokenSentInHeader()
    {
        var stub = new StubHandler(HttpStatusCode.OK, """{"error":-216,"message":"Access token is invalid"}""");
        using var services = ChannelServices.Build(handler: stub);
        var client = services.GetRequiredKeyedService<IChannelClient>(ChannelKind.Zalo);

        var ex = await Assert.ThrowsAsync<ChannelException>(() => client.ListMessagesAsync(new ChannelAccount(ChannelKind.Zalo, "1", "zt"), "9007199254740993", "9007199254740993", null, 50, CancellationToken.None));

        Assert.Equal((ChannelErrorKind.AuthFailed, "-216"), (ex.Kind, ex.ChannelCode));
        var request = Assert.Single(stub.Requests);
        Assert.Equal("zt", request.Headers.GetValues("access_token").Single());
        Assert.Contains("""data={"user_id":"9007199254740993","offset":0,"count":10}""", Uri.UnescapeDataString(request.RequestUri!.Query), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Channels:Facebook:GraphApiBaseUrl")]
    [InlineData("Channels:Zalo:OpenApiBaseUrl")]
    [InlineData("Channels:Zalo:OAuthBaseUrl")]
    [InlineData("Channels:Shopee:ApiBaseUrl")]
    public void Options_RelativeBaseUrl_FailsValidation(string key)
    {
        using var services = ChannelServices.Build(new() { [key] = "/relative" });
        // ValidateOnStart registers an IStartupValidator that the host runs at start.
        var ex = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddChannels_RegistersEveryKind()
    {
        using var services = ChannelServices.Build();
        services.GetRequiredService<IStartupValidator>().Validate(); // defaults are valid
        foreach (var kind in Enum.GetValues<ChannelKind>())
        {
            Assert.Equal(kind, services.GetRequiredKeyedService<IChannelClient>(kind).Kind);
            Assert.Equal(kind, services.GetRequiredKeyedService<IChannelWebhook>(kind).Kind);
        }
    }
}
