using System.Text.Json.Serialization;
using Microsoft.DurableTask.Client;

namespace Harasocial.Sync.Sync.Jobs;

internal sealed record JobProgress(int Conversations, long Messages, int Posts, int Comments, long ApiCalls);

/// <summary>The import report of a job (SPEC §4): one entry per rule of the policy table that applied.</summary>
internal sealed record JobReport(IReadOnlyList<LimitReport> Limits);

/// <summary>A sync job as the API shows it, read from its orchestration instance.</summary>
internal sealed record JobView(
    string Id, string ConnectionId, string Kind, string Status, string Phase, JobProgress Progress,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? Error, JobReport? Report)
{
    [JsonIgnore]
    public bool IsTerminal => Status is "completed" or "failed" or "cancelled";

    [JsonIgnore]
    internal JobCounts Counts { get; init; } = JobCounts.Zero;

    public static JobView Queued(string id, JobInput input) =>
        new(id, input.ConnectionId, input.Kind, "queued", "queued", new JobProgress(0, 0, 0, 0, 0), input.CreatedAt, null, null, null, null);

    /// <summary>Null for an instance that is not a sync job (no job input).</summary>
    public static JobView? From(OrchestrationMetadata instance)
    {
        if (instance.ReadInputAs<JobInput>() is not { } input)
        {
            return null;
        }

        var state = instance.ReadCustomStatusAs<JobState>();
        var counts = state?.Progress ?? JobCounts.Zero;
        var status = instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Pending => "queued",
            OrchestrationRuntimeStatus.Completed => "completed",
            OrchestrationRuntimeStatus.Failed => "failed",
            OrchestrationRuntimeStatus.Terminated => "cancelled",
            _ => "running",
        };
        var terminal = status is "completed" or "failed" or "cancelled";
        var error = status == "failed" ? state?.Error ?? "The sync stopped unexpectedly; it will be tried again at the next resync." : null;
        return new JobView(
            instance.InstanceId,
            input.ConnectionId,
            input.Kind,
            status,
            status == "cancelled" ? "cancelled" : state?.Phase ?? "queued",
            new JobProgress(counts.Conversations, counts.Messages, counts.Posts, counts.Comments, counts.ApiCalls),
            input.CreatedAt,
            status == "queued" ? null : input.CreatedAt,
            terminal ? instance.LastUpdatedAt : null,
            error,
            terminal && state is not null ? new JobReport(state.Report) : null)
        {
            Counts = counts,
        };
    }

    public static JobCounts CountsOf(JobView view) => view.Counts;
}
