using System.Security.Cryptography;
using System.Text;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Channels.Facebook;
using Harasocial.Sync.Channels.Instagram;
using Harasocial.Sync.Channels.Shopee;
using Harasocial.Sync.Channels.Zalo;
using Harasocial.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Harasocial.Functions.Tests.Channels;

/// <summary>Every verifier: valid, tampered body, wrong secret, missing header, malformed header, replayed
/// signature over another body, and an empty configured secret (fail closed).</summary>
public sealed class WebhookVerificationTests
{
    private const string AppSecret = "meta-app-secret";
    private const string OaSecret = "zalo-oa-secret";
    private const string PartnerKey = "shopee-partner-key";
    private const string CallbackUrl = "https://sync.example/api/webhooks/shopee";

    public static TheoryData<string> Channels => new() { "facebook", "instagram", "zalo", "shopee" };

    [Theory, MemberData(nameof(Channels))]
    public void Verify_ValidSignature_IsValid(string channel)
    {
        var body = Body(channel, "first");
        Assert.Equal(WebhookVerification.Valid, Webhook(channel).Verify(Headers(channel, Sign(channel, body, Secret(channel))), body));
    }

    [Theory, MemberData(nameof(Channels))]
    public void Verify_TamperedBody_IsInvalid(string channel)
    {
        var body = Body(channel, "first");
        var headers = Headers(channel, Sign(channel, body, Secret(channel)));
        var tampered = Body(channel, "firsT");
        Assert.Equal(WebhookVerification.InvalidSignature, Webhook(channel).Verify(headers, tampered));
    }

    [Theory, MemberData(nameof(Channels))]
    public void Verify_WrongSecret_IsInvalid(string channel)
    {
        var body = Body(channel, "first");
        Assert.Equal(WebhookVerification.InvalidSignature, Webhook(channel).Verify(Headers(channel, Sign(channel, body, "wrong")), body));
    }

    [Theory, MemberData(nameof(Channels))]
    public void Verify_MissingHeader_IsMissing(string channel) =>
        Assert.Equal(WebhookVerification.MissingSignature, Webhook(channel).Verify(new HeaderDictionary(), Body(channel, "first")));

    [Theory, MemberData(nameof(Channels))]
    public void Verify_MalformedHeader_IsInvalid(string channel)
    {
        var value = channel switch { "zalo" => "mac=zz", "shopee" => "zz", _ => "sha256=zz" };
        Assert.Equal(WebhookVerification.InvalidSignature, Webhook(channel).Verify(Headers(channel, value), Body(channel, "first")));
    }

    [Theory, MemberData(nameof(Channels))]
    public void Verify_ReplayedSignatureOverOtherBody_IsInvalid(string channel)
    {
        var signature = Sign(channel, Body(channel, "first"), Secret(channel));
        Assert.Equal(WebhookVerification.InvalidSignature, Webhook(channel).Verify(Headers(channel, signature), Body(channel, "second")));
    }

    [Theory, MemberData(nameof(Channels))]
    public void Verify_EmptyConfiguredSecret_FailsClosed(string channel)
    {
        var body = Body(channel, "first");
        var webhook = Webhook(channel, emptySecrets: true);
        Assert.Equal(WebhookVerification.InvalidSignature, webhook.Verify(Headers(channel, Sign(channel, body, "")), body));
    }

    [Fact]
    public void VerifySubscription_MatchingToken_AcceptsOnlyThatToken()
    {
        var webhook = (FacebookWebhook)Webhook("facebook");
        Assert.True(webhook.VerifySubscription("subscribe", "verify-me", "12345"));
        Assert.False(webhook.VerifySubscription("subscribe", "verify-mE", "12345"));
        Assert.False(webhook.VerifySubscription("unsubscribe", "verify-me", "12345"));
        Assert.False(webhook.VerifySubscription("subscribe", null, "12345"));
        Assert.False(((FacebookWebhook)Webhook("facebook", emptySecrets: true)).VerifySubscription("subscribe", "", "1"));
    }

    private static IChannelWebhook Webhook(string channel, bool emptySecrets = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Channels:Facebook:AppSecret"] = emptySecrets ? "" : AppSecret,
            ["Channels:Facebook:VerifyToken"] = emptySecrets ? "" : "verify-me",
            ["Channels:Zalo:AppId"] = "3010000000000000001",
            ["Channels:Zalo:OaSecretKey"] = emptySecrets ? "" : OaSecret,
            ["Channels:Shopee:PartnerKey"] = emptySecrets ? "" : PartnerKey,
            ["Channels:Shopee:PushCallbackUrl"] = CallbackUrl,
        };
        return channel switch
        {
            "facebook" => ChannelServices.Webhook<FacebookWebhook>(settings),
            "instagram" => ChannelServices.Webhook<InstagramWebhook>(settings),
            "zalo" => ChannelServices.Webhook<ZaloWebhook>(settings),
            _ => ChannelServices.Webhook<ShopeeWebhook>(settings),
        };
    }

    private static string Secret(string channel) => channel switch
    {
        "zalo" => OaSecret,
        "shopee" => PartnerKey,
        _ => AppSecret,
    };

    private static byte[] Body(string channel, string text) => Encoding.UTF8.GetBytes(channel == "zalo"
        ? $$$"""{"app_id":"3010000000000000001","event_name":"user_send_text","timestamp":"1718000500000","message":{"msg_id":"x","text":"{{{text}}}"}}"""
        : $$"""{"object":"page","entry":[],"text":"{{text}} \u00e9 \/"}""");

    // Expected signatures are computed independently of the production code paths (direct BCL primitives).
    private static string Sign(string channel, byte[] body, string secret) => channel switch
    {
        "zalo" => "mac=" + Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes("3010000000000000001"), .. body, .. Encoding.UTF8.GetBytes("1718000500000" + secret)])),
        "shopee" => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.UTF8.GetBytes(CallbackUrl + "|"), .. body])),
        _ => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)),
    };

    private static HeaderDictionary Headers(string channel, string value) => new()
    {
        [channel switch { "zalo" => "X-ZEvent-Signature", "shopee" => "Authorization", _ => "X-Hub-Signature-256" }] = value,
    };
}
