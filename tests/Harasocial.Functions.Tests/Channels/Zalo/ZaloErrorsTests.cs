using System.Net;
using Harasocial.Sync.Channels.Zalo;

namespace Harasocial.Functions.Tests.Channels.Zalo;

public sealed class ZaloErrorsTests
{
    [Theory]
    [InlineData(-32, 200, "RateLimited")]
    [InlineData(-216, 200, "AuthFailed")]
    [InlineData(-220, 200, "AuthFailed")]
    [InlineData(-14020, 200, "AuthFailed")]
    [InlineData(-201, 200, "Permanent")]
    [InlineData(-210, 200, "Permanent")]
    [InlineData(-230, 200, "Permanent")]
    [InlineData(null, 500, "Transient")]
    [InlineData(null, 401, "AuthFailed")]
    public void Classify_ZaloErrors(int? error, int status, string expected)
    {
        var ex = ZaloErrors.Classify(error, "msg", (HttpStatusCode)status);
        Assert.Equal(expected, ex.Kind.ToString());
        Assert.Equal(error?.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.ChannelCode);
        Assert.Equal(expected == "RateLimited" ? TimeSpan.FromSeconds(60) : null, ex.RetryAfter);
    }
}
