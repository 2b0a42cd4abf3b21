namespace Harasocial.ChannelSimulator;

/// <summary>The current token pair of an account. Refresh tokens are single use. Guarded by the state lock.</summary>
internal sealed class TokenState
{
    public required string AccessToken { get; set; }
    public string? RefreshToken { get; set; }
    public DateTimeOffset? AccessExpiresAt { get; set; }
    public TimeSpan Ttl { get; init; }
    public bool Revoked { get; set; }
    public int RefreshCount { get; set; }

    /// <summary>How often the seller authorised the app again (new tokens through OAuth, <see cref="SimulatorState.ReissueTokens"/>).</summary>
    public int Reissues { get; set; }

    /// <summary>Shopee keeps the previous access token valid for 5 minutes after a refresh.</summary>
    public string? PreviousAccessToken { get; set; }
    public DateTimeOffset PreviousValidUntil { get; set; }
}

/// <summary>Result of checking an access token.</summary>
internal enum TokenCheck
{
    Valid,
    Invalid,
    Expired,
}

/// <summary>An account's current tokens, for assertions and for the demo script.</summary>
public sealed record TokenPair(string AccessToken, string? RefreshToken, DateTimeOffset? AccessTokenExpiresAt, bool Revoked);
