using System.Globalization;

namespace Harasocial.ChannelSimulator;

public sealed partial class SimulatorState
{
    /// <summary>Makes the current access token expired now (Graph 190, Zalo -220, Shopee invalid_acceess_token).</summary>
    public void ExpireAccessToken(string accountId)
    {
        lock (Gate)
        {
            var tokens = RequireAccount(accountId).Tokens;
            tokens.AccessExpiresAt = TimeProvider.GetUtcNow() - TimeSpan.FromSeconds(1);
            tokens.PreviousAccessToken = null;
        }
    }

    /// <summary>Revokes the access and the refresh token: every call and every refresh fails until a scenario reload.</summary>
    public void RevokeTokens(string accountId)
    {
        lock (Gate)
        {
            var tokens = RequireAccount(accountId).Tokens;
            tokens.Revoked = true;
            tokens.PreviousAccessToken = null;
        }
    }

    /// <summary>
    /// The seller authorises the app again (the platform's OAuth flow, which the service does not run): a new token
    /// pair, the old one invalid, a revocation lifted. Returns the new tokens, for connecting the account again.
    /// </summary>
    public TokenPair ReissueTokens(string accountId)
    {
        lock (Gate)
        {
            var account = RequireAccount(accountId);
            var t = account.Tokens;
            t.Reissues++;
            var suffix = string.Create(CultureInfo.InvariantCulture, $".n{t.Reissues}");
            t.AccessToken = account.Spec.AccessToken + suffix;
            t.RefreshToken = account.Spec.RefreshToken is null ? null : account.Spec.RefreshToken + suffix;
            t.AccessExpiresAt = Channels.IsGraph(account.Channel) ? null : TimeProvider.GetUtcNow() + t.Ttl;
            (t.Revoked, t.PreviousAccessToken) = (false, null);
            return new TokenPair(t.AccessToken, t.RefreshToken, t.AccessExpiresAt, false);
        }
    }

    public TokenPair CurrentTokens(string accountId)
    {
        lock (Gate)
        {
            var t = RequireAccount(accountId).Tokens;
            return new TokenPair(t.AccessToken, t.RefreshToken, t.AccessExpiresAt, t.Revoked);
        }
    }

    public int RefreshCount(string accountId)
    {
        lock (Gate)
        {
            return RequireAccount(accountId).Tokens.RefreshCount;
        }
    }

    internal TokenCheck CheckToken(SimAccount account, string? token)
    {
        lock (Gate)
        {
            var t = account.Tokens;
            var now = TimeProvider.GetUtcNow();
            if (t.Revoked || string.IsNullOrEmpty(token))
            {
                return TokenCheck.Invalid;
            }

            if (string.Equals(token, t.AccessToken, StringComparison.Ordinal))
            {
                return t.AccessExpiresAt is { } expires && expires <= now ? TokenCheck.Expired : TokenCheck.Valid;
            }

            return string.Equals(token, t.PreviousAccessToken, StringComparison.Ordinal) && now < t.PreviousValidUntil
                ? TokenCheck.Valid : TokenCheck.Invalid;
        }
    }

    /// <summary>Rotates a single-use refresh token; null when it is unknown, already used or revoked.</summary>
    internal TokenPair? Refresh(string channel, string refreshToken, string? accountId)
    {
        lock (Gate)
        {
            var account = _accounts.Values.FirstOrDefault(a => a.Channel == channel
                && (accountId is null || a.Id == accountId)
                && string.Equals(a.Tokens.RefreshToken, refreshToken, StringComparison.Ordinal));
            if (account is null || account.Tokens.Revoked)
            {
                return null;
            }

            var t = account.Tokens;
            var now = TimeProvider.GetUtcNow();
            t.RefreshCount++;
            var suffix = string.Create(CultureInfo.InvariantCulture, $".r{t.RefreshCount}");
            t.PreviousAccessToken = channel == Channels.Shopee ? t.AccessToken : null;
            t.PreviousValidUntil = now + TimeSpan.FromMinutes(5);
            t.AccessToken = account.Spec.AccessToken + suffix;
            t.RefreshToken = (account.Spec.RefreshToken ?? "rt") + suffix;
            t.AccessExpiresAt = now + t.Ttl;
            return new TokenPair(t.AccessToken, t.RefreshToken, t.AccessExpiresAt, false);
        }
    }

    internal static int TtlSeconds(TokenPair pair, DateTimeOffset now) =>
        pair.AccessTokenExpiresAt is { } e ? (int)Math.Round((e - now).TotalSeconds) : 0;
}
