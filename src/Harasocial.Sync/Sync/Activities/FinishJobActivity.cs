using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Durable;
using Harasocial.Sync.Sync.Jobs;

namespace Harasocial.Sync.Sync.Activities;

/// <summary>A job that ended: whether it completed, what it stored, and why it stopped early (null: it completed, or the seller cancelled it).</summary>
internal sealed record FinishInput(JobRef Job, bool Completed, JobCounts Progress, JobStop? Stop = null);

/// <summary>
/// <c>FinishJob</c>: after a job ends, its new items are added to the connection's counts once (the connection
/// remembers which jobs it counted, so a re-run adds nothing twice), a completed initial sync or resync moves the
/// watermark, and the connection leaves <c>syncing</c>: <c>active</c>, or <c>sync_failed</c> with the job's reason when the
/// initial sync stopped on a failure (an auth failure already made it <c>reauth_required</c>).
/// </summary>
internal sealed class FinishJobActivity(ConnectionStore connections, TimeProvider time) : ISyncActivity<FinishInput, bool>
{
    public async Task<bool> RunAsync(FinishInput input, CancellationToken cancellationToken)
    {
        var (job, progress) = (input.Job, input.Progress);
        await connections.MutateAsync(job.TenantId, job.ConnectionId, c =>
        {
            var counted = c.CountedJobs.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
            var changed = false;
            if (!counted.Contains(job.JobId, StringComparer.Ordinal))
            {
                c.Conversations += progress.NewConversations;
                c.Messages += progress.NewMessages;
                c.Posts += progress.NewPosts;
                c.Comments += progress.NewComments;
                counted.Add(job.JobId);
                c.CountedJobs = string.Join(',', counted.TakeLast(20));
                if (input.Completed && job.Kind is not JobKinds.Spam)
                {
                    c.LastSyncAt = time.GetUtcNow();
                    if (job.Kind is JobKinds.Initial or JobKinds.Resync && (c.Watermark is null || job.CreatedAt > c.Watermark))
                    {
                        c.Watermark = job.CreatedAt;
                    }
                }

                changed = true;
            }

            if (string.Equals(c.ActiveJobId, job.JobId, StringComparison.Ordinal))
            {
                c.ActiveJobId = null;
                if (c.Status == ConnectionStatus.Syncing && input.Stop is { Because: StoppedBecause.Failed } failure)
                {
                    c.Status = ConnectionStatus.SyncFailed;
                    c.StatusReason = failure.Reason;
                }
                else if (c.Status == ConnectionStatus.Syncing)
                {
                    c.Status = ConnectionStatus.Active;
                    c.StatusReason = null;
                }

                changed = true;
            }

            return changed;
        }, cancellationToken);
        return true;
    }
}
