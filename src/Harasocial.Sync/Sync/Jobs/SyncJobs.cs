using Azure;
using Azure.Data.Tables;
using Grpc.Core;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Activities;
using Harasocial.Sync.Sync.Durable;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Sync.Jobs;

/// <summary>
/// Sync jobs are Durable orchestration instances (the job id is the instance id). Ids start with the connection id
/// and an inverted timestamp, so a connection's jobs are one instance-id prefix query, newest first. There are no
/// job rows: status is the runtime status, progress, phase, report and error are the custom status.
/// </summary>
internal sealed partial class SyncJobs(
    ConnectionStore connections, FinishJobActivity finish, TableServiceClient tables, StorageNames names, IOptions<SyncOptions> options, TimeProvider time, ILogger<SyncJobs> log)
{
    /// <summary>How far before the watermark a resync looks again (channel times are whole seconds; clocks drift).</summary>
    public static readonly TimeSpan ResyncOverlap = TimeSpan.FromMinutes(5);

    /// <summary>How far back a backfill reaches (SPEC §2: "none older than 6 months").</summary>
    public static readonly TimeSpan BackfillHorizon = TimeSpan.FromDays(183);

    private static readonly OrchestrationRuntimeStatus[] Live =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    public static string JobPrefix(string connectionId) => connectionId + "-j";

    public static string NewJobId(string connectionId, DateTimeOffset now) =>
        JobPrefix(connectionId) + Keys.Inverted(now)[..13] + Guid.NewGuid().ToString("N")[..6];

    public static bool IsJobId(string id) => id.Length <= 100 && Keys.IsPlainId(id) && id.Contains("-j", StringComparison.Ordinal);

    /// <summary>Null when a job of the same kind is still running for the connection (the API answers 409).</summary>
    public async Task<JobView?> StartAsync(
        DurableTaskClient durable, ConnectionEntity connection, string kind, CancellationToken cancellationToken, string? jobId = null, (string CustomerId, string? ThreadId)? backfill = null)
    {
        if (kind != JobKinds.Backfill && await RunningAsync(durable, connection.RowKey, kind, cancellationToken) is not null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var id = jobId ?? NewJobId(connection.RowKey, now);
        if (kind == JobKinds.Backfill && backfill is { } customer)
        {
            (id, var claimed) = await ClaimBackfillAsync(connection.RowKey, customer.CustomerId, id, cancellationToken);
            if (!claimed && await durable.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is not null)
            {
                return null;
            }
        }

        var input = Input(connection, kind, now, backfill);
        if (kind == JobKinds.Initial && connection.ActiveJobId != id)
        {
            // Before scheduling: a job that ends at once must find itself on the row to hand the connection back.
            await connections.MutateAsync(connection.PartitionKey, connection.RowKey, c =>
            {
                c.ActiveJobId = id;
                if (c.Status is ConnectionStatus.Active or ConnectionStatus.SyncFailed)
                {
                    // A retry of a failed initial sync: syncing again, the old reason gone.
                    (c.Status, c.StatusReason) = (ConnectionStatus.Syncing, null);
                }

                return true;
            }, cancellationToken);
        }

        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(Orchestrator(kind), input, new StartOrchestrationOptions(id), cancellationToken);
        }
        catch (Exception ex) when (kind == JobKinds.Backfill && IsAlreadyExists(ex))
        {
            return null; // A concurrent first message of the same customer scheduled it a moment ago.
        }

        LogStarted(log, id, kind, connection.RowKey);
        return JobView.Queued(id, input);
    }

    /// <summary>A job of this tenant, or null (another tenant's job is as good as absent).</summary>
    public static async Task<JobView?> GetAsync(DurableTaskClient durable, string tenantId, string jobId, CancellationToken cancellationToken)
    {
        if (!IsJobId(jobId))
        {
            return null;
        }

        var instance = await durable.GetInstanceAsync(jobId, getInputsAndOutputs: true, cancellationToken);
        return instance is not null && JobView.From(instance) is { } view && Owned(instance, tenantId) ? view : null;
    }

    public static async Task<IReadOnlyList<JobView>> ListAsync(DurableTaskClient durable, string connectionId, int limit, CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery { InstanceIdPrefix = JobPrefix(connectionId), FetchInputsAndOutputs = true, PageSize = limit };
        var views = new List<JobView>();
        await foreach (var instance in durable.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (JobView.From(instance) is { } view)
            {
                views.Add(view);
            }

            if (views.Count >= limit)
            {
                break;
            }
        }

        return views;
    }

    /// <summary>The running job of this kind, if any: a query over the connection's live instances.</summary>
    public static async Task<JobView?> RunningAsync(DurableTaskClient durable, string connectionId, string kind, CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery { InstanceIdPrefix = JobPrefix(connectionId), Statuses = Live, FetchInputsAndOutputs = true };
        await foreach (var instance in durable.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (JobView.From(instance) is { } view && view.Kind == kind)
            {
                return view;
            }
        }

        return null;
    }

    /// <summary>
    /// Cancel = terminate: activities already running finish their writes, nothing new starts. The job's counts so far
    /// are added to the connection here, because a terminated orchestration runs no more code.
    /// </summary>
    public async Task<JobView?> CancelAsync(DurableTaskClient durable, string tenantId, string jobId, CancellationToken cancellationToken)
    {
        if (await GetAsync(durable, tenantId, jobId, cancellationToken) is not { } job)
        {
            return null;
        }

        if (job.IsTerminal)
        {
            return job;
        }

        await durable.TerminateInstanceAsync(jobId, new TerminateInstanceOptions { Output = "Cancelled by the seller." }, cancellationToken);
        var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(10);
        while (!job.IsTerminal && time.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
            job = await GetAsync(durable, tenantId, jobId, cancellationToken) ?? job;
        }

        var input = (await durable.GetInstanceAsync(jobId, getInputsAndOutputs: true, cancellationToken))?.ReadInputAs<JobInput>();
        if (input is not null)
        {
            await finish.RunAsync(new FinishInput(input.Ref(jobId), false, JobView.CountsOf(job)), cancellationToken);
        }

        return job;
    }

    /// <summary>Disconnect stops the connection's syncs: every job still queued or running is cancelled (terminated,
    /// with what it stored counted).</summary>
    public async Task CancelAllAsync(DurableTaskClient durable, string tenantId, string connectionId, CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery { InstanceIdPrefix = JobPrefix(connectionId), Statuses = Live };
        var ids = new List<string>();
        await foreach (var instance in durable.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            ids.Add(instance.InstanceId);
        }

        foreach (var id in ids)
        {
            await CancelAsync(durable, tenantId, id, cancellationToken);
        }
    }

    public JobInput Input(ConnectionEntity connection, string kind, DateTimeOffset now, (string CustomerId, string? ThreadId)? backfill = null)
    {
        var channel = ChannelAccess.KindOf(connection);
        var sync = options.Value;
        var policy = sync.Policy(channel);
        var input = new JobInput(connection.PartitionKey, connection.RowKey, kind, channel, now, policy, sync.ActivityRetryInterval, SpamDelay: sync.SpamDelay);
        return kind switch
        {
            JobKinds.Backfill => input with { CustomerId = backfill?.CustomerId, ThreadId = backfill?.ThreadId, Since = now - BackfillHorizon },
            JobKinds.Resync => input with { Since = (connection.Watermark ?? connection.LastSyncAt ?? now - TimeSpan.FromDays(30)) - ResyncOverlap },
            JobKinds.LoadMore => input with
            {
                Cursor = connection.ListCursor,
                Taken = connection.ListedConversations,
                Target = Math.Min(connection.ListedConversations + policy.LoadMoreBatch, policy.LoadMoreMax),
            },
            _ => input,
        };
    }

    /// <summary>
    /// One backfill per customer of a connection: several first messages of a new customer arrive together, each sees
    /// no conversation yet, and each asks for the backfill. A claim row (inserted once) names the job; who inserts it
    /// starts the job, the others find it — or, when the claimer crashed before scheduling, start the named job.
    /// </summary>
    public static string BackfillClaims(string connectionId) => "backfill|" + connectionId;

    private async Task<(string JobId, bool Claimed)> ClaimBackfillAsync(string connectionId, string customerId, string jobId, CancellationToken cancellationToken)
    {
        var claims = tables.GetTableClient(names.Table(StorageNames.LeasesTable));
        var claim = new TableEntity(BackfillClaims(connectionId), Keys.Escape(customerId)) { ["JobId"] = jobId };
        try
        {
            await claims.AddEntityAsync(claim, cancellationToken);
            return (jobId, true);
        }
        catch (RequestFailedException ex) when (ex.IsConflict())
        {
            var existing = await claims.GetOrDefaultAsync<TableEntity>(claim.PartitionKey, claim.RowKey, cancellationToken);
            return (existing?.GetString("JobId") ?? jobId, false);
        }
    }

    public static string Orchestrator(string kind) => kind switch
    {
        JobKinds.Initial => SyncTaskNames.InitialSync,
        JobKinds.LoadMore => SyncTaskNames.LoadMore,
        JobKinds.Backfill => SyncTaskNames.Backfill,
        JobKinds.Resync => SyncTaskNames.ConnectionResync,
        JobKinds.Spam => SyncTaskNames.SpamSync,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown job kind."),
    };

    public static bool IsAlreadyExists(Exception ex) =>
        ex is RpcException { StatusCode: StatusCode.AlreadyExists } || ex is InvalidOperationException { Message: var m } && m.Contains("already exists", StringComparison.OrdinalIgnoreCase);

    private static bool Owned(OrchestrationMetadata instance, string tenantId) =>
        string.Equals(instance.ReadInputAs<JobInput>()?.TenantId, tenantId, StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started {Kind} job {JobId} for connection {ConnectionId}")]
    private static partial void LogStarted(ILogger logger, string jobId, string kind, string connectionId);
}
