using Azure;
using Azure.Data.Tables;

namespace Harasocial.Functions.Storage;

/// <summary>What one step adds to its job's progress.</summary>
internal sealed record StepProgress(
    int Conversations = 0,
    long Messages = 0,
    int Posts = 0,
    int Comments = 0,
    long ApiCalls = 0,
    int NewConversations = 0,
    long NewMessages = 0,
    int NewPosts = 0,
    int NewComments = 0);

internal enum CommitOutcome
{
    Committed,
    AlreadyCommitted,
}

/// <summary>Job rows, their step markers and the per-connection job index.</summary>
internal sealed class JobStore(TableServiceClient tables, StorageNames names, TimeProvider time)
{
    private const string StepPrefix = "step|";
    private const string ChildrenEnqueued = "ChildrenEnqueued";

    private TableClient Jobs => tables.GetTableClient(names.Table(StorageNames.JobsTable));

    private TableClient Index => tables.GetTableClient(names.Table(StorageNames.JobIndexTable));

    public async Task CreateAsync(JobEntity job, CancellationToken cancellationToken)
    {
        await Jobs.AddEntityAsync(job, cancellationToken);
        await Index.AddEntityAsync(
            new JobIndexEntity { PartitionKey = job.ConnectionId, RowKey = Keys.Inverted(job.CreatedAt) + "|" + job.PartitionKey, JobId = job.PartitionKey, Kind = job.Kind },
            cancellationToken);
    }

    public Task<JobEntity?> GetAsync(string jobId, CancellationToken cancellationToken) =>
        Keys.IsPlainId(jobId)
            ? Jobs.GetOrDefaultAsync<JobEntity>(jobId, JobEntity.Row, cancellationToken)
            : Task.FromResult<JobEntity?>(null);

    public async Task<IReadOnlyList<JobEntity>> ListByConnectionAsync(string connectionId, int limit, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var row in Index.QueryAsync<JobIndexEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {connectionId}"), limit, cancellationToken: cancellationToken))
        {
            ids.Add(row.JobId);
            if (ids.Count >= limit)
            {
                break;
            }
        }

        var jobs = await Task.WhenAll(ids.Select(id => GetAsync(id, cancellationToken)));
        return [.. jobs.OfType<JobEntity>()];
    }

    /// <summary>Null when the step has not committed; otherwise whether its children are known to be enqueued.</summary>
    public async Task<bool?> StepStateAsync(string jobId, string stepId, CancellationToken cancellationToken) =>
        await Jobs.GetOrDefaultAsync<TableEntity>(jobId, StepPrefix + Keys.Escape(stepId), cancellationToken) is { } marker
            ? marker.GetBoolean(ChildrenEnqueued) ?? true
            : null;

    /// <summary>Records that a committed step's children are on the queue, so a redelivery can skip the step entirely.</summary>
    public Task MarkChildrenEnqueuedAsync(string jobId, string stepId, CancellationToken cancellationToken) =>
        Jobs.UpsertEntityAsync(new TableEntity(jobId, StepPrefix + Keys.Escape(stepId)) { [ChildrenEnqueued] = true }, TableUpdateMode.Merge, cancellationToken);

    /// <summary>
    /// Applies a step exactly once: the counter update and the step marker commit together under the job's ETag.
    /// The step's <paramref name="children"/> are enqueued right after, so pending becomes pending − 1 + children
    /// (zero completes the job); the marker says whether that enqueue is still owed.
    /// </summary>
    public async Task<(CommitOutcome Outcome, JobEntity Job)> CommitStepAsync(
        string jobId, string stepId, StepProgress progress, int children, string? phase, CancellationToken cancellationToken)
    {
        var marker = StepPrefix + Keys.Escape(stepId);
        while (true)
        {
            var job = await GetAsync(jobId, cancellationToken) ?? throw new InvalidOperationException($"Job {jobId} does not exist.");
            if (await Jobs.GetOrDefaultAsync<TableEntity>(jobId, marker, cancellationToken) is not null)
            {
                return (CommitOutcome.AlreadyCommitted, job);
            }

            Apply(job, progress);
            job.Pending += children - 1;
            if (phase is not null && !job.IsTerminal)
            {
                job.Phase = phase;
            }

            if (job.Status == JobStatus.Queued)
            {
                job.Status = JobStatus.Running;
                job.StartedAt ??= time.GetUtcNow();
            }

            if (job.Pending <= 0 && !job.IsTerminal)
            {
                job.Status = JobStatus.Completed;
                job.Phase = "done";
                job.CompletedAt = time.GetUtcNow();
            }

            try
            {
                await Jobs.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.UpdateReplace, job, job.ETag),
                        new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(jobId, marker) { ["At"] = time.GetUtcNow(), [ChildrenEnqueued] = children == 0 }),
                    ],
                    cancellationToken);
                return (CommitOutcome.Committed, job);
            }
            catch (RequestFailedException ex) when (ex.IsConflict())
            {
                // Another step committed first (ETag) or this one already did (marker): read again.
            }
        }
    }

    /// <summary>Changes the job under its ETag (status, error, calls of failed attempts). Returns the saved job.</summary>
    public async Task<JobEntity?> MutateAsync(string jobId, Func<JobEntity, bool> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            var job = await GetAsync(jobId, cancellationToken);
            if (job is null || !change(job))
            {
                return job;
            }

            try
            {
                await Jobs.UpdateEntityAsync(job, job.ETag, TableUpdateMode.Replace, cancellationToken);
                return job;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Concurrent step commit; read again.
            }
        }
    }

    private static void Apply(JobEntity job, StepProgress p)
    {
        job.Conversations += p.Conversations;
        job.Messages += p.Messages;
        job.Posts += p.Posts;
        job.Comments += p.Comments;
        job.ApiCalls += p.ApiCalls;
        job.NewConversations += p.NewConversations;
        job.NewMessages += p.NewMessages;
        job.NewPosts += p.NewPosts;
        job.NewComments += p.NewComments;
    }
}
