using Harasocial.Sync.Channels;
using Harasocial.Sync.Security;
using Harasocial.Sync.Storage;

namespace Harasocial.Sync.Sync;

/// <summary>
/// Opens a connection's channel account (decrypting its tokens) and refreshes single-use refresh tokens safely:
/// one refresher at a time per connection (a lease field claimed under the row's ETag), and the new pair is saved
/// before anyone uses it, because the old refresh token is dead the moment the channel answers.
/// </summary>
internal sealed partial class ChannelAccess(
    ConnectionStore connections,
    TokenProtector protector,
    IServiceProvider services,
    TimeProvider time,
    ILogger<ChannelAccess> log)
{
    private static readonly TimeSpan RefreshLease = TimeSpan.FromSeconds(60);

    public static ChannelKind KindOf(ConnectionEntity connection) =>
        ChannelKindNames.TryParseWireName(connection.Channel, out var kind) ? kind : throw new InvalidOperationException($"Unknown channel '{connection.Channel}'.");

    public IChannelClient Client(ChannelKind kind) => services.GetRequiredKeyedService<IChannelClient>(kind);

    public ChannelAccount Account(ConnectionEntity connection) =>
        new(KindOf(connection), connection.ExternalId, protector.Unprotect(connection.AccessToken, Owner(connection, TokenField.Access)), connection.LinkedPageId);

    /// <summary>Seals a token for one field of one connection row (tenant + connection + field are the associated data).</summary>
    public string Seal(string token, ConnectionEntity connection, TokenField field) => protector.Protect(token, Owner(connection, field));

    public static TokenOwner Owner(ConnectionEntity connection, TokenField field) => new(connection.PartitionKey, connection.RowKey, field);

    /// <summary>
    /// Re-seals the connection's tokens under the current key when either is sealed by an older key or format (key
    /// rotation: after one pass over every connection the previous keys can be removed). False when nothing changed.
    /// </summary>
    public async Task<bool> ResealAsync(ConnectionEntity connection, CancellationToken cancellationToken)
    {
        if (!protector.NeedsReseal(connection.AccessToken) && (connection.RefreshToken is null || !protector.NeedsReseal(connection.RefreshToken)))
        {
            return false;
        }

        var saved = await connections.MutateAsync(connection.PartitionKey, connection.RowKey, c =>
        {
            var changed = false;
            if (protector.NeedsReseal(c.AccessToken))
            {
                c.AccessToken = Seal(protector.Unprotect(c.AccessToken, Owner(c, TokenField.Access)), c, TokenField.Access);
                changed = true;
            }

            if (c.RefreshToken is { } refresh && protector.NeedsReseal(refresh))
            {
                c.RefreshToken = Seal(protector.Unprotect(refresh, Owner(c, TokenField.Refresh)), c, TokenField.Refresh);
                changed = true;
            }

            return changed;
        }, cancellationToken);
        return saved is not null;
    }

    public static bool CanRefresh(ConnectionEntity connection) =>
        connection.RefreshToken is not null && KindOf(connection) is ChannelKind.Zalo or ChannelKind.Shopee;

    /// <summary>
    /// Refreshes the connection's tokens unless another instance already did since <paramref name="seen"/> was read.
    /// Returns the current connection (with fresh tokens), or null if the refresh failed for good.
    /// </summary>
    public async Task<ConnectionEntity?> RefreshAsync(ConnectionEntity seen, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var current = await connections.GetAsync(seen.PartitionKey, seen.RowKey, cancellationToken);
            if (current is null || !CanRefresh(current))
            {
                return null;
            }

            if (!string.Equals(current.AccessToken, seen.AccessToken, StringComparison.Ordinal))
            {
                return current; // Someone refreshed already.
            }

            var now = time.GetUtcNow();
            if (current.RefreshingUntil > now)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
                continue;
            }

            current.RefreshingUntil = now + RefreshLease;
            if (!await connections.TryReplaceAsync(current, cancellationToken))
            {
                continue;
            }

            return await RefreshHoldingLeaseAsync(current, cancellationToken);
        }

        return null;
    }

    private async Task<ConnectionEntity?> RefreshHoldingLeaseAsync(ConnectionEntity current, CancellationToken cancellationToken)
    {
        var account = Account(current);
        TokenPair pair;
        try
        {
            pair = await Client(account.Kind).RefreshTokenAsync(account, protector.Unprotect(current.RefreshToken!, Owner(current, TokenField.Refresh)), cancellationToken);
        }
        catch (ChannelException ex)
        {
            LogRefreshFailed(log, current.RowKey, ex.Kind, ex.ChannelCode);
            await connections.MutateAsync(current.PartitionKey, current.RowKey, c => { c.RefreshingUntil = null; return true; }, CancellationToken.None);
            return null;
        }

        // Persist before use, whatever else changed on the row meanwhile.
        var saved = await connections.MutateAsync(current.PartitionKey, current.RowKey, c =>
        {
            c.AccessToken = Seal(pair.AccessToken, c, TokenField.Access);
            c.RefreshToken = pair.RefreshToken is null ? c.RefreshToken : Seal(pair.RefreshToken, c, TokenField.Refresh);
            c.TokenExpiresAt = pair.ExpiresAt;
            c.RefreshingUntil = null;
            return true;
        }, CancellationToken.None);
        LogRefreshed(log, current.RowKey, pair.ExpiresAt);
        return saved;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refreshed tokens of connection {ConnectionId}; new access token expires {ExpiresAt}")]
    private static partial void LogRefreshed(ILogger logger, string connectionId, DateTimeOffset? expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Token refresh failed for connection {ConnectionId}: {Kind} {Code}")]
    private static partial void LogRefreshFailed(ILogger logger, string connectionId, ChannelErrorKind kind, string? code);
}
