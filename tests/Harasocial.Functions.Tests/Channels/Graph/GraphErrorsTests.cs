using System.Net;
using System.Text;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Channels.Graph;

namespace Harasocial.Functions.Tests.Channels.Graph;

public sealed class GraphErrorsTests
{
    private static string Error(int code, int? subcode = null)
    {
        var sub = subcode is null ? "" : $",\"error_subcode\":{subcode}";
        return $$$"""{"error":{"message":"boom","type":"OAuthException","code":{{{code}}}{{{sub}}},"fbtrace_id":"Ab"}}""";
    }

    [Theory]
    [InlineData(400, 4, "RateLimited")]
    [InlineData(400, 17, "RateLimited")]
    [InlineData(400, 32, "RateLimited")]
    [InlineData(400, 613, "RateLimited")]
    [InlineData(400, 80001, "RateLimited")]
    [InlineData(400, 80002, "RateLimited")]
    [InlineData(400, 80006, "RateLimited")]
    [InlineData(400, 190, "AuthFailed")]
    [InlineData(500, 1, "Transient")]
    [InlineData(400, 2, "Transient")]
    [InlineData(400, 100, "Permanent")]
    [InlineData(403, 200, "Permanent")]
    [InlineData(400, 10, "Permanent")]
    [InlineData(503, 9999, "Transient")]
    public void Classify_GraphErrorBodies_ByCode(int status, int code, string expected)
    {
        var ex = GraphErrors.Classify(ChannelKind.Facebook, Response(status, Error(code)));
        Assert.Equal(expected, ex.Kind.ToString());
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.ChannelCode);
        Assert.Equal("boom", ex.ChannelMessage);
        Assert.Equal(status, ex.HttpStatus);
    }

    [Fact]
    public void Classify_OutsideWindow_CarriesCodeAndSubcode()
    {
        var ex = GraphErrors.Classify(ChannelKind.Facebook, Response(400, Error(10, 2018278)));
        Assert.Equal((ChannelErrorKind.Permanent, "10/2018278"), (ex.Kind, ex.ChannelCode));
    }

    [Theory]
    [InlineData(429, "", "RateLimited")]
    [InlineData(502, "<html>bad gateway</html>", "Transient")]
    [InlineData(401, "", "AuthFailed")]
    [InlineData(404, "not json", "Permanent")]
    public void Classify_NonGraphBodies_ByStatus(int status, string body, string expected) =>
        Assert.Equal(expected, GraphErrors.Classify(ChannelKind.Instagram, Response(status, body)).Kind.ToString());

    [Theory]
    [InlineData(1, 0, 1)]      // simulator per-second limiter: Retry-After 1, eta 0
    [InlineData(30, 2, 120)]   // eta minutes win when larger
    [InlineData(600, 2, 600)]  // Retry-After wins when larger
    [InlineData(null, 5, 300)]
    public void RetryAfter_IsMaxOfHeaderAndEta(int? retryAfterSeconds, int etaMinutes, int expectedSeconds)
    {
        var usage = $$$"""{"104000000000001":[{"type":"messenger","call_count":100,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":{{{etaMinutes}}}}]}""";
        var response = Response(400, Error(80006)) with { RetryAfter = retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null };
        response = response with { BusinessUseCaseUsage = usage };
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), GraphErrors.Classify(ChannelKind.Facebook, response).RetryAfter);
    }

    [Fact]
    public void RetryAfter_NoHints_IsNull() =>
        Assert.Null(GraphErrors.Classify(ChannelKind.Facebook, Response(400, Error(4))).RetryAfter);

    private static ChannelResponse Response(int status, string body) => new((HttpStatusCode)status, Encoding.UTF8.GetBytes(body), null);
}
