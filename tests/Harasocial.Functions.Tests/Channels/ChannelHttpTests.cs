using Harasocial.Sync.Channels;

namespace Harasocial.Functions.Tests.Channels;

public sealed class ChannelHttpTests
{
    [Fact]
    public async Task SendAsync_ClientTimeout_IsTransient()
    {
        using var http = new HttpClient(new DelayHandler()) { Timeout = TimeSpan.FromMilliseconds(50) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:9/x?access_token=secret-token");

        var ex = await Assert.ThrowsAsync<ChannelException>(() => ChannelHttp.SendAsync(http, request, ChannelKind.Zalo, CancellationToken.None));

        Assert.Equal((ChannelErrorKind.Transient, "timeout"), (ex.Kind, ex.ChannelCode));
        Assert.DoesNotContain("secret-token", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ConnectionFailure_IsTransient()
    {
        using var http = new HttpClient(new FailingHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:9/x");

        var ex = await Assert.ThrowsAsync<ChannelException>(() => ChannelHttp.SendAsync(http, request, ChannelKind.Shopee, CancellationToken.None));

        Assert.Equal(ChannelErrorKind.Transient, ex.Kind);
    }

    [Fact]
    public async Task SendAsync_CallerCancellation_Propagates()
    {
        using var http = new HttpClient(new DelayHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:9/x");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ChannelHttp.SendAsync(http, request, ChannelKind.Facebook, cts.Token));
    }

    private sealed class DelayHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            return new HttpResponseMessage();
        }
    }

    private sealed class FailingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("connection refused");
    }
}
