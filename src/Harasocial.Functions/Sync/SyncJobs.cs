using System.Security.Cryptography;
using System.Text;
using Azure;
using Harasocial.Functions.Channels;
using Harasocial.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Harasocial.Functions.Sync;

internal static class JobKinds
{
    public const string Initial = "initial";
    public const string LoadMore = "load-more";
    public const string Resync = "resync";
    public const string Spam = "spam";
    public const string Backfill = "backfill";
}

/// <summary>Starts, fails, cancels and finishes sync jobs; the job row is the state machine.</summary>
internal sealed class SyncJobs(JobStore jobs, ConnectionStore connections, SyncQueue queue, IOptions<SyncOptions> options, TimeProvider time)
{
    /// <summary>How far before the watermark a resync looks again.</summary>
    public static readonly TimeSpan ResyncOverlap = TimeSpan.FromMinutes(5);

    /// <summary>How far back a backfill reaches (SPEC §2: "none older than 6 months").</summary>
    public static readonly TimeSpan BackfillHorizon = TimeSpan.FromDays(183);

    /// <summary>A queued job whose first step never committed after this long was left by a crash before its enqueue.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(1);

    public static string NewJobId(DateTimeOffset now) => "job_" + Keys.Inverted(now)[..12] + Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// One backfill per customer of a connection: several first messages of a new customer arrive together, each sees
    /// no conversation yet, and each asks for the backfill; the job row's insert lets exactly one of them start it.
    /// (Connection ids are never reused: a purged connection's customers get new keys when it is connected again.)
    /// </summary>
    public static string BackfillJobId(string connectionId, string customerId) =>
        "job_bf_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(connectionId + "|" + customerId)))[..32];

    /// <summary>Null when a job of the same kind is still running for the connection (the API answers 409), or when the
    /// customer's backfill was started already.</summary>
    public async Task<JobEntity?> StartAsync(ConnectionEntity connection, string kind, CancellationToken cancellationToken, (string CustomerId, string? ThreadId)? backfill = null)
    {
        var recent = await jobs.ListByConnectionAsync(connection.RowKey, 20, cancellationToken);
        if (kind != JobKinds.Backfill && recent.Any(j => j.Kind == kind && !j.IsTerminal))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var job = new JobEntity
        {
            PartitionKey = kind == JobKinds.Backfill && backfill is { } b ? BackfillJobId(connection.RowKey, b.CustomerId) : NewJobId(now),
            TenantId = connection.PartitionKey,
            ConnectionId = connection.RowKey,
            Kind = kind,
            Phase = "queued",
            CreatedAt = now,
        };
        var first = FirstSteps(connection, job, backfill).ToList();
        job.Pending = first.Count;
        try
        {
            await jobs.CreateAsync(job, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409 && kind == JobKinds.Backfill)
        {
            // This customer's backfill exists. Only one that never got going (a crash between its row and its first
            // step, redelivered later) is put on the queue again; the step's marker makes a duplicate harmless.
            if (await jobs.GetAsync(job.PartitionKey, cancellationToken) is { Status: JobStatus.Queued } stuck && now - stuck.CreatedAt > StuckAfter)
            {
                await queue.EnqueueAllAsync(FirstSteps(connection, stuck, backfill), cancellationToken);
            }

            return null;
        }
        if (kind == JobKinds.Initial)
        {
            await connections.MutateAsync(connection.PartitionKey, connection.RowKey, c =>
            {
                c.ActiveJobId = job.PartitionKey;
                c.Status = c.Status == ConnectionStatus.Active ? ConnectionStatus.Syncing : c.Status;
                return true;
            }, cancellationToken);
        }

        await queue.EnqueueAllAsync(first, cancellationToken);
        return job;
    }

    private IEnumerable<(string Type, SyncStep Step)> FirstSteps(ConnectionEntity connection, JobEntity job, (string CustomerId, string? ThreadId)? backfill)
    {
        var channel = ChannelAccess.KindOf(connection);
        var policy = options.Value.Policy(channel);
        var root = new SyncStep(connection.PartitionKey, connection.RowKey, job.PartitionKey, "root", null);
        switch (job.Kind)
        {
            case JobKinds.Backfill when backfill is { } b:
                // A customer the initial sync did not import wrote in: their history, newest first, ≤ 6 months old.
                yield return (StepTypes.Messages, root with
                {
                    StepId = "backfill:" + b.CustomerId,
                    CustomerId = b.CustomerId,
                    ThreadId = b.ThreadId,
                    Remaining = policy.Messages,
                    Since = job.CreatedAt - BackfillHorizon,
                });
                break;
            case JobKinds.Spam:
                yield return (StepTypes.Conversations, root with { StepId = "conversations:spam", Folder = "spam", Target = int.MaxValue });
                break;
            case JobKinds.Resync:
                yield return (StepTypes.Conversations, root with
                {
                    StepId = "conversations:resync",
                    Target = int.MaxValue,
                    // Overlap the watermark: channel times are whole seconds and clocks drift; re-reading is idempotent.
                    Since = (connection.Watermark ?? connection.LastSyncAt ?? job.CreatedAt - TimeSpan.FromDays(30)) - ResyncOverlap,
                });
                break;
            case JobKinds.LoadMore:
                yield return (StepTypes.Conversations, root with
                {
                    StepId = "conversations:load-more",
                    Cursor = connection.ListCursor,
                    Taken = connection.ListedConversations,
                    Target = Math.Min(connection.ListedConversations + policy.LoadMoreBatch, policy.LoadMoreMax),
                });
                break;
            default:
                yield return (StepTypes.Conversations, root with { StepId = "conversations:start", Target = policy.Conversations });
                if (policy.ImportsPosts)
                {
                    yield return (StepTypes.Posts, root with { StepId = "posts" });
                }

                break;
        }
    }

    public async Task FailAsync(string jobId, string reason, CancellationToken cancellationToken)
    {
        var job = await jobs.MutateAsync(jobId, j =>
        {
            if (j.IsTerminal)
            {
                return false;
            }

            j.Status = JobStatus.Failed;
            j.Error = reason;
            j.CompletedAt = time.GetUtcNow();
            return true;
        }, cancellationToken);
        if (job is not null)
        {
            await FinishAsync(job, cancellationToken);
        }
    }

    public async Task<JobEntity?> CancelAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await jobs.MutateAsync(jobId, j =>
        {
            if (j.IsTerminal)
            {
                return false;
            }

            j.Status = JobStatus.Cancelled;
            j.CompletedAt = time.GetUtcNow();
            return true;
        }, cancellationToken);
        if (job is not null)
        {
            await FinishAsync(job, cancellationToken);
        }

        return job;
    }

    /// <summary>
    /// After a job ends: its new items are added to the connection's counts once (the connection remembers which jobs
    /// it counted), and an initial sync hands the connection back to <c>active</c>. Safe to run more than once.
    /// </summary>
    public async Task FinishAsync(JobEntity job, CancellationToken cancellationToken)
    {
        if (!job.IsTerminal)
        {
            return;
        }

        await connections.MutateAsync(job.TenantId, job.ConnectionId, c =>
        {
            var counted = c.CountedJobs.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
            var changed = false;
            if (!counted.Contains(job.PartitionKey, StringComparer.Ordinal))
            {
                c.Conversations += job.NewConversations;
                c.Messages += job.NewMessages;
                c.Posts += job.NewPosts;
                c.Comments += job.NewComments;
                counted.Add(job.PartitionKey);
                c.CountedJobs = string.Join(',', counted.TakeLast(20));
                if (job.Status == JobStatus.Completed)
                {
                    c.LastSyncAt = job.CompletedAt;
                    if (job.Kind is JobKinds.Initial or JobKinds.Resync && (c.Watermark is null || job.CreatedAt > c.Watermark))
                    {
                        c.Watermark = job.CreatedAt;
                    }
                }

                changed = true;
            }

            if (string.Equals(c.ActiveJobId, job.PartitionKey, StringComparison.Ordinal))
            {
                c.ActiveJobId = null;
                if (c.Status == ConnectionStatus.Syncing)
                {
                    c.Status = ConnectionStatus.Active;
                }

                changed = true;
            }

            return changed;
        }, cancellationToken);
    }

    public Task<ConnectionEntity?> RequireReauthAsync(JobEntity job, ChannelException error, CancellationToken cancellationToken) =>
        connections.MutateAsync(job.TenantId, job.ConnectionId, c =>
        {
            c.Status = ConnectionStatus.ReauthRequired;
            c.StatusReason = $"{FailureReasons.Of(error)} Reconnect the account.";
            return true;
        }, cancellationToken);
}
