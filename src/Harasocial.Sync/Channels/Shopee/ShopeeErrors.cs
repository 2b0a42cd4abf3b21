using System.Net;

namespace Harasocial.Sync.Channels.Shopee;

/// <summary>Shopee errors are strings in `error` with varying HTTP statuses (WIRE.md "Shopee";
/// channel-apis.md §4.8).</summary>
internal static class ShopeeErrors
{
    public static ChannelException Classify(string? error, string? message, HttpStatusCode status)
    {
        var kind = error switch
        {
            // Shopee really sends the misspelled `invalid_acceess_token`; match both spellings.
            "invalid_access_token" or "invalid_acceess_token" or "error_access_token" => ChannelErrorKind.AuthFailed,
            // Reused refresh token answers error_auth: re-authorisation is needed, so AuthFailed (our decision).
            "error_auth" => ChannelErrorKind.AuthFailed,
            "error_rate_limit" or "error_busi" => ChannelErrorKind.RateLimited,
            "error_server" => ChannelErrorKind.Transient,
            _ when status == HttpStatusCode.TooManyRequests => ChannelErrorKind.RateLimited,
            _ when (int)status >= 500 => ChannelErrorKind.Transient,
            _ => ChannelErrorKind.Permanent,
        };
        return new ChannelException(ChannelKind.Shopee, kind, error, message, (int)status);
    }
}
