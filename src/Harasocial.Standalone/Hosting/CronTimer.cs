using Harasocial.Sync.Functions;
using NCrontab;

namespace Harasocial.Standalone.Hosting;

/// <summary>Standalone stand-in for the host's timer trigger: 6-field NCRONTAB in UTC, each tick claimed once across instances.</summary>
internal sealed partial class CronTimer(
    TimerFunction function,
    CrontabSchedule schedule,
    TimerLease lease,
    FunctionRunner runner,
    TimeProvider time,
    ILogger<CronTimer> log)
{
    private readonly string owner = Environment.MachineName + "/" + Guid.NewGuid().ToString("N")[..8];

    public static CrontabSchedule Parse(string expression) =>
        CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
            try
            {
                await Task.Delay(next - now, time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await TickAsync(next, stopping);
        }
    }

    public async Task TickAsync(DateTimeOffset tick, CancellationToken cancellationToken)
    {
        try
        {
            if (!await lease.TryClaimAsync(function.Name, tick, owner, cancellationToken))
            {
                return;
            }

            var pastDue = time.GetUtcNow() - tick > TimeSpan.FromMinutes(1);
            await runner.RunTimerAsync(function, new TimerContext(tick, pastDue), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // As in the host, a failed tick is not retried; the next one runs as scheduled.
            LogTickFailed(log, function.Name, tick, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {Function} failed at tick {Tick}")]
    private static partial void LogTickFailed(ILogger logger, string function, DateTimeOffset tick, Exception exception);
}
