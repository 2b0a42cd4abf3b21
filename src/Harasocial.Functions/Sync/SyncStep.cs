namespace Harasocial.Functions.Sync;

/// <summary>
/// One unit of sync work: one channel call (a page) and its writes. Step ids are deterministic within a job, so a
/// step enqueued twice (redelivery, a crash before commit) is applied once: the job's marker for its id decides.
/// <see cref="Since"/>: a resync takes conversations active after it (and a backfill messages after it);
/// <see cref="StopAtKnown"/>: a message chain stops at the first page that holds an already-stored message.
/// </summary>
internal sealed record SyncStep(
    string TenantId,
    string ConnectionId,
    string JobId,
    string StepId,
    string? ParentStepId,
    string? Cursor = null,
    string Folder = "inbox",
    string? CustomerId = null,
    string? ThreadId = null,
    int Remaining = 0,
    int RecentFound = 0,
    int OlderTaken = 0,
    int Taken = 0,
    int Target = 0,
    IReadOnlyList<string>? PostIds = null,
    DateTimeOffset? Since = null,
    bool StopAtKnown = false)
{
    public SyncStep Child(string stepId) => this with { StepId = stepId, ParentStepId = StepId };
}
