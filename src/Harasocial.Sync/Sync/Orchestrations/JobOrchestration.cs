using Harasocial.Sync.Sync.Activities;
using Harasocial.Sync.Sync.Durable;
using Harasocial.Sync.Sync.Jobs;
using Microsoft.DurableTask;

namespace Harasocial.Sync.Sync.Orchestrations;

/// <summary>
/// The frame every job orchestration runs in: the body does the channel work through a <see cref="JobFlow"/>; the
/// job is then finished on the connection (counts, watermark, status). A job that stopped early (auth, a channel
/// refusal, retries exhausted) keeps its reason and report in the custom status and ends Failed, as Durable users
/// expect; a cancelled job is terminated by the API.
/// </summary>
internal static class JobOrchestration
{
    public static async Task<JobState> RunAsync(TaskOrchestrationContext context, JobInput input, Func<JobFlow, Task> body)
    {
        var flow = new JobFlow(context, input);
        flow.Enter("starting");
        JobStop? stop = null;
        try
        {
            await body(flow);
        }
        catch (JobStoppedException ex)
        {
            stop = ex.Stop;
            flow.CloseOpenReports(stop.Because);
        }

        flow.Enter(stop is null ? "completed" : "stopped");
        await context.CallActivityAsync<bool>(
            SyncTaskNames.FinishJob, new FinishInput(flow.Ref, stop is null, flow.Progress, stop), TaskOptions.FromRetryPolicy(new RetryPolicy(5, input.RetryInterval)));
        if (stop is null)
        {
            return flow.State();
        }

        context.SetCustomStatus(flow.State(stop.Reason));
        throw new JobFailedException(stop.Reason);
    }
}

/// <summary>Ends a job orchestration as Failed; the reason a seller reads is in the custom status.</summary>
internal sealed class JobFailedException : Exception
{
    public JobFailedException()
    {
    }

    public JobFailedException(string message)
        : base(message)
    {
    }

    public JobFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
