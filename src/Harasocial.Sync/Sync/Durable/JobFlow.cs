using Harasocial.Sync.Channels;
using Harasocial.Sync.Sync.Jobs;
using Microsoft.DurableTask;

namespace Harasocial.Sync.Sync.Durable;

/// <summary>
/// The orchestration side of a sync job: calls activities with the Durable retry policy, sleeps on a durable timer
/// when the channel throttles and calls again, adds what each activity stored to the job's progress, and publishes
/// phase, progress and report as the custom status. Deterministic: it only touches the orchestration context.
/// </summary>
internal sealed class JobFlow(TaskOrchestrationContext context, JobInput job, string? jobId = null)
{
    /// <summary>A channel that keeps throttling ends the job after this many waits instead of holding it forever.</summary>
    private const int MaxThrottleWaits = 100;

    private readonly List<LimitReport> report = [];
    private string phase = "queued";

    public JobInput Job { get; } = job;

    public JobRef Ref { get; } = job.Ref(jobId ?? context.InstanceId);

    public JobCounts Progress { get; private set; } = JobCounts.Zero;

    public JobState State(string? error = null) => new(phase, Progress, report, error);

    /// <summary>Transient failures: 5 attempts with back-off, then the job fails (SPEC §6).</summary>
    private TaskOptions Retry => TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5,
        firstRetryInterval: Job.RetryInterval,
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(1)));

    public void Enter(string newPhase)
    {
        phase = newPhase;
        Publish();
    }

    /// <summary>The rules a stopped job was still working on stop for the same reason.</summary>
    public void CloseOpenReports(string because)
    {
        for (var i = 0; i < report.Count; i++)
        {
            if (report[i].StoppedBecause == StoppedBecause.Running)
            {
                report[i] = report[i] with { StoppedBecause = because };
            }
        }

        Publish();
    }

    public void AddReport(LimitReport entry)
    {
        report.RemoveAll(r => r.Name == entry.Name);
        report.Add(entry);
        Publish();
    }

    /// <summary>Runs one activity to its answer: retried when it throws, called again after a throttle wait.</summary>
    public async Task<T> RunAsync<TIn, T>(string activity, TIn input)
    {
        for (var waits = 0; waits <= MaxThrottleWaits; waits++)
        {
            ActivityResult<T> result;
            try
            {
                result = await context.CallActivityAsync<ActivityResult<T>>(activity, input, Retry);
            }
            catch (TaskFailedException ex)
            {
                throw new JobStoppedException(new JobStop(StoppedBecause.Failed, FailureText(ex)));
            }

            Progress += result.Stored;
            Publish();
            if (result.ThrottledFor is { } wait)
            {
                await context.CreateTimer(wait, CancellationToken.None);
                continue;
            }

            if (result.Stop is { } stop)
            {
                throw new JobStoppedException(stop);
            }

            return result.Value!;
        }

        throw new JobStoppedException(new JobStop(
            StoppedBecause.Failed, $"{FailureReasons.DisplayName(Job.Channel)} kept throttling the requests ({MaxThrottleWaits} waits)."));
    }

    /// <summary>A durable wait (the channel asked for one).</summary>
    public Task WaitAsync(TimeSpan wait) => context.CreateTimer(wait, CancellationToken.None);

    private void Publish() => context.SetCustomStatus(State());

    // The activity's own exception text stays in the log; the job shows what failed, in words a seller can act on.
    private string FailureText(TaskFailedException ex)
    {
        var type = ex.FailureDetails.ErrorType;
        var reason = type.EndsWith(nameof(ChannelException), StringComparison.Ordinal)
            ? $"{FailureReasons.DisplayName(Job.Channel)} did not answer (time-outs or server errors)."
            : type.EndsWith("RequestFailedException", StringComparison.Ordinal) || type.EndsWith("TransactionFailedException", StringComparison.Ordinal)
                ? FailureReasons.StorageUnreachable
                : "An internal error stopped the sync (the details are in the service log).";
        return reason + " The sync stopped after 5 attempts.";
    }
}

/// <summary>Thrown inside an orchestration to end the job early with a stop reason.</summary>
internal sealed class JobStoppedException : Exception
{
    public JobStoppedException()
    {
    }

    public JobStoppedException(string message)
        : base(message)
    {
    }

    public JobStoppedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JobStoppedException(JobStop stop)
        : base(stop.Reason) => Stop = stop;

    public JobStop Stop { get; } = new(StoppedBecause.Failed, "The sync stopped.");
}
