using System.Net;

namespace Harasocial.Sync.Channels;

/// <summary>Sends ONE request and maps transport failures: HttpRequestException and the HttpClient timeout
/// (30 s) become Transient <see cref="ChannelException"/>s; caller cancellation propagates.</summary>
internal static class ChannelHttp
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<ChannelResponse> SendAsync(HttpClient http, HttpRequestMessage request, ChannelKind channel, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new ChannelResponse(response.StatusCode, body, RetryAfter(response))
            {
                BusinessUseCaseUsage = response.Headers.TryGetValues("X-Business-Use-Case-Usage", out var usage) ? string.Join(',', usage) : null,
            };
        }
        catch (HttpRequestException ex)
        {
            throw new ChannelException(channel, ChannelErrorKind.Transient, null, "The request could not be sent.", null, null, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelException(channel, ChannelErrorKind.Transient, "timeout", "The request timed out.", null, null, ex);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }
}

/// <summary>The raw answer: status, body bytes, and the Retry-After header (plus the headers the Graph
/// classifier needs).</summary>
internal sealed record ChannelResponse(HttpStatusCode Status, byte[] Body, TimeSpan? RetryAfter)
{
    public string? BusinessUseCaseUsage { get; init; }

    public bool IsServerError => (int)Status >= 500;
}
