using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Durable;
using Harasocial.Sync.Sync.Jobs;

namespace Harasocial.Sync.Sync.Activities;

internal sealed record RefreshInput(JobRef Job);

/// <summary>
/// <c>RefreshExpiringToken</c>: Zalo (~25 h) and Shopee (4 h) access tokens that expire within the next hour are
/// refreshed before a resync uses them; single-use refresh tokens are rotated once across instances.
/// </summary>
internal sealed class RefreshExpiringTokenActivity(ConnectionStore connections, ChannelAccess access, TimeProvider time)
    : ISyncActivity<RefreshInput, ActivityResult<bool>>
{
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromHours(1);

    public async Task<ActivityResult<bool>> RunAsync(RefreshInput input, CancellationToken cancellationToken)
    {
        var connection = await connections.GetAsync(input.Job.TenantId, input.Job.ConnectionId, cancellationToken);
        if (connection is null || !ChannelAccess.CanRefresh(connection) || connection.TokenExpiresAt is not { } expires || expires - time.GetUtcNow() >= RefreshAhead)
        {
            return new(false, JobCounts.Zero);
        }

        // A failed refresh is left to the resync's first call: it fails with an auth error and takes the usual path.
        return new(await access.RefreshAsync(connection, cancellationToken) is not null, new JobCounts(ApiCalls: 1));
    }
}
