using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Durable;

namespace Harasocial.Sync.Sync.Activities;

internal sealed record SpamWatchRef(string TenantId, string ConnectionId);

/// <param name="Watching">False once the page turned <c>syncSpam</c> off or the connection cannot sync: the watch ends.</param>
/// <param name="DueAt">When the next check is due; null when none is pending.</param>
internal sealed record SpamDue(bool Watching, DateTimeOffset? DueAt);

/// <summary><c>NextSpamCheck</c>: whether the page is still watched and when its next spam-folder check is due.</summary>
internal sealed class NextSpamCheckActivity(ConnectionStore connections) : ISyncActivity<SpamWatchRef, SpamDue>
{
    public async Task<SpamDue> RunAsync(SpamWatchRef input, CancellationToken cancellationToken)
    {
        var connection = await connections.GetAsync(input.TenantId, input.ConnectionId, cancellationToken);
        return connection is null || !SpamChecks.Applies(connection) || !ConnectionStatus.CanSync(connection.Status)
            ? new SpamDue(false, null)
            : new SpamDue(true, connection.NextSpamCheckAt);
    }
}

internal sealed record SpamCheckDone(SpamWatchRef Watch, DateTimeOffset CheckedAt, DateTimeOffset? FollowUpAt);

/// <summary>
/// <c>CompleteSpamCheck</c>: a check that listed the spam folder at <c>CheckedAt</c> satisfied every request due by
/// then; what remains pending is the earliest of a later request and the check's own follow-up (the freshest thread
/// it left behind). Returns the new due time.
/// </summary>
internal sealed class CompleteSpamCheckActivity(ConnectionStore connections) : ISyncActivity<SpamCheckDone, DateTimeOffset?>
{
    public async Task<DateTimeOffset?> RunAsync(SpamCheckDone input, CancellationToken cancellationToken)
    {
        var saved = await connections.MutateAsync(input.Watch.TenantId, input.Watch.ConnectionId, c =>
        {
            var pending = c.NextSpamCheckAt is { } at && at > input.CheckedAt ? at : (DateTimeOffset?)null;
            var next = pending is null ? input.FollowUpAt : input.FollowUpAt is null || pending < input.FollowUpAt ? pending : input.FollowUpAt;
            if (next == c.NextSpamCheckAt)
            {
                return false;
            }

            c.NextSpamCheckAt = next;
            return true;
        }, cancellationToken);
        return saved?.NextSpamCheckAt;
    }
}
