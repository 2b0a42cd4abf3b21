using Harasocial.Functions.Channels;
using Harasocial.Functions.Security;
using Harasocial.Functions.Storage;

namespace Harasocial.Functions.Sync;

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
        new(KindOf(connection), connection.ExternalId, protector.Unprotect(connection.AccessToken, connection.RowKey), connection.LinkedPageId);

    public string Seal(string token, string connectionId) => protector.Protect(token, connectionId);

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
            pair = await Client(account.Kind).RefreshTokenAsync(account, protector.Unprotect(current.RefreshToken!, current.RowKey), cancellationToken);
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
            c.AccessToken = protector.Protect(pair.AccessToken, c.RowKey);
            c.RefreshToken = pair.RefreshToken is null ? c.RefreshToken : protector.Protect(pair.RefreshToken, c.RowKey);
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
