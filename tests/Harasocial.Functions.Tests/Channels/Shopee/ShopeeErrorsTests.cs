using System.Net;
using Harasocial.Sync.Channels.Shopee;

namespace Harasocial.Functions.Tests.Channels.Shopee;

public sealed class ShopeeErrorsTests
{
    [Theory]
    [InlineData("invalid_access_token", 403, "AuthFailed")]
    [InlineData("invalid_acceess_token", 403, "AuthFailed")]
    [InlineData("error_auth", 403, "AuthFailed")]
    [InlineData("error_rate_limit", 429, "RateLimited")]
    [InlineData("error_busi", 200, "RateLimited")]
    [InlineData("error_server", 500, "Transient")]
    [InlineData("error_sign", 403, "Permanent")]
    [InlineData("error_param", 400, "Permanent")]
    [InlineData(null, 502, "Transient")]
    public void Classify_ShopeeErrors(string? error, int status, string expected)
    {
        var ex = ShopeeErrors.Classify(error, "msg", (HttpStatusCode)status);
        Assert.Equal((expected, error, (int?)status), (ex.Kind.ToString(), ex.ChannelCode, ex.HttpStatus));
        Assert.Null(ex.RetryAfter); // Shopee gives no hint: the engine picks a default
    }
}
