using Harasocial.Sync.Channels;

namespace Harasocial.Sync.Sync.Jobs;

internal static class JobKinds
{
    public const string Initial = "initial";
    public const string LoadMore = "load-more";
    public const string Resync = "resync";
    public const string Spam = "spam";
    public const string Backfill = "backfill";
}

/// <summary>
/// What a sync job orchestration is started with. Everything it decides on is fixed here at start — the channel's
/// limits included — so replays are deterministic and the import report shows the limits the job ran under.
/// </summary>
internal sealed record JobInput(
    string TenantId,
    string ConnectionId,
    string Kind,
    ChannelKind Channel,
    DateTimeOffset CreatedAt,
    ChannelPolicy Policy,
    TimeSpan RetryInterval,
    DateTimeOffset? Since = null,
    string? CustomerId = null,
    string? ThreadId = null,
    string? Cursor = null,
    int Taken = 0,
    int Target = 0,
    TimeSpan SpamDelay = default)
{
    public JobRef Ref(string jobId) => new(TenantId, ConnectionId, jobId, Kind, CreatedAt);
}

/// <summary>The job an activity works for: enough to find its connection and to key idempotent writes.</summary>
internal sealed record JobRef(string TenantId, string ConnectionId, string JobId, string Kind, DateTimeOffset CreatedAt);

/// <summary>Distinct items a job stored (progress) and how many of them were new rows (connection counts).</summary>
internal sealed record JobCounts(
    int Conversations = 0,
    long Messages = 0,
    int Posts = 0,
    int Comments = 0,
    long ApiCalls = 0,
    int NewConversations = 0,
    long NewMessages = 0,
    int NewPosts = 0,
    int NewComments = 0)
{
    public static readonly JobCounts Zero = new();

    public static JobCounts operator +(JobCounts a, JobCounts b) => new(
        a.Conversations + b.Conversations, a.Messages + b.Messages, a.Posts + b.Posts, a.Comments + b.Comments, a.ApiCalls + b.ApiCalls,
        a.NewConversations + b.NewConversations, a.NewMessages + b.NewMessages, a.NewPosts + b.NewPosts, a.NewComments + b.NewComments);
}

/// <summary>Why a rule of the policy table stopped importing (SPEC §4 report).</summary>
internal static class StoppedBecause
{
    public const string Limit = "limit";
    public const string Exhausted = "exhausted";
    public const string Cancelled = "cancelled";
    public const string Auth = "auth";
    public const string Failed = "failed";

    /// <summary>Still importing (only while the job runs).</summary>
    public const string Running = "running";
}

/// <summary>One rule of the policy table as it applied to a job: the limit, what the channel had, what was imported.</summary>
internal sealed record LimitReport(string Name, int? Limit, int? Found, long Imported, string StoppedBecause);

/// <summary>
/// A job's custom status: what the jobs API shows while it runs and after it ends. Durable keeps the last one set,
/// also when the orchestration fails or is terminated.
/// </summary>
internal sealed record JobState(string Phase, JobCounts Progress, IReadOnlyList<LimitReport> Report, string? Error = null);
