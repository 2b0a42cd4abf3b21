using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace Harasocial.Functions.Storage;

/// <summary>
/// A sync job's state machine: PK = job id, RK = "job". Step markers (RK = "step|{stepId}") share the partition,
/// so a step's counter update and its marker commit in one entity-group transaction: exactly once per step.
/// <see cref="Pending"/> counts step messages not yet committed; the commit that brings it to zero completes the job.
/// </summary>
internal sealed class JobEntity : ITableEntity
{
    public const string Row = "job";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string TenantId { get; set; } = string.Empty;

    public string ConnectionId { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Status { get; set; } = JobStatus.Queued;

    public string Phase { get; set; } = string.Empty;

    public int Pending { get; set; }

    public int Conversations { get; set; }

    public long Messages { get; set; }

    public int Posts { get; set; }

    public int Comments { get; set; }

    public long ApiCalls { get; set; }

    public int NewConversations { get; set; }

    public long NewMessages { get; set; }

    public int NewPosts { get; set; }

    public int NewComments { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? Error { get; set; }

    /// <summary>Computed, not stored (the SDK would write every public property it can read).</summary>
    [IgnoreDataMember]
    public bool IsTerminal => Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;
}

internal static class JobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}

/// <summary>Lists a connection's jobs newest first: PK = connection id, RK = inverted creation time + job id.</summary>
internal sealed class JobIndexEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string JobId { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;
}
