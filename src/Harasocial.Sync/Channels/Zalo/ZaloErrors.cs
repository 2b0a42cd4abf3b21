using System.Globalization;
using System.Net;

namespace Harasocial.Sync.Channels.Zalo;

/// <summary>Zalo answers HTTP 200 with `{"error": negative, "message"}` (WIRE.md "Zalo"; channel-apis.md §3.8).</summary>
internal static class ZaloErrors
{
    /// <summary>-32 carries no hint; the community waits about a minute (channel-apis.md §3.8, Z8).</summary>
    public static readonly TimeSpan RateLimitWait = TimeSpan.FromSeconds(60);

    public static ChannelException Classify(int? error, string? message, HttpStatusCode status)
    {
        var code = error?.ToString(CultureInfo.InvariantCulture);
        var kind = error switch
        {
            -32 => ChannelErrorKind.RateLimited,
            -216 or -220 => ChannelErrorKind.AuthFailed,
            // Reused/unknown refresh token: the OA must re-authorise (refresh tokens are single use).
            -14020 => ChannelErrorKind.AuthFailed,
            _ when status == HttpStatusCode.Unauthorized => ChannelErrorKind.AuthFailed,
            _ when status == HttpStatusCode.TooManyRequests => ChannelErrorKind.RateLimited,
            _ when (int)status >= 500 => ChannelErrorKind.Transient,
            _ => ChannelErrorKind.Permanent,
        };
        return new ChannelException(ChannelKind.Zalo, kind, code, message, (int)status,
            kind == ChannelErrorKind.RateLimited ? RateLimitWait : null);
    }
}
