using System.Net.Sockets;
using Azure;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Sync;

namespace Harasocial.Functions.Tests.Sync;

/// <summary>Job errors and connection reasons are chosen by the kind of failure, never copied from exception text.</summary>
public sealed class FailureReasonsTests
{
    [Theory]
    [InlineData(ChannelKind.Zalo, "AuthFailed", "-216", "Zalo rejected the token.")]
    [InlineData(ChannelKind.Facebook, "Permanent", "100", "Facebook refused the request (code 100).")]
    [InlineData(ChannelKind.Shopee, "Permanent", "error_param", "Shopee refused the request (code error_param).")]
    [InlineData(ChannelKind.Shopee, "Permanent", "see https://evil.example/x?token=1", "Shopee refused the request.")]
    [InlineData(ChannelKind.Instagram, "Transient", "timeout", "Instagram did not answer (time-outs or server errors).")]
    [InlineData(ChannelKind.Facebook, "RateLimited", "80006", "Facebook kept throttling the requests.")]
    public void Channel_ReasonByKind_ChannelTextLeftOut(ChannelKind channel, string kind, string code, string reason)
    {
        var ex = new ChannelException(channel, Enum.Parse<ChannelErrorKind>(kind), code, "Internal detail: host 10.0.0.5 said <html>", 500);

        Assert.Equal(reason, FailureReasons.Of(ex));
    }

    [Fact]
    public void StorageAndOtherFailures_StableReasons()
    {
        Assert.Equal("Storage unreachable.", FailureReasons.Of(new RequestFailedException(503, "Server busy at account devstoreaccount1")));
        Assert.Equal("Storage unreachable.", FailureReasons.Of(new HttpRequestException("Connection refused (127.0.0.1:10002)", new SocketException())));
        Assert.DoesNotContain("Sequence", FailureReasons.Of(new InvalidOperationException("Sequence contains no elements in Harasocial.Functions.Foo")), StringComparison.Ordinal);
    }
}
