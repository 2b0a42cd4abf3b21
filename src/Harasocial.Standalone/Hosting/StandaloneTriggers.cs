using Harasocial.Sync.Hosting;
using Azure.Storage.Queues;
using Harasocial.Sync.Functions;
using Harasocial.Sync.Storage;
using Microsoft.Extensions.Options;

namespace Harasocial.Standalone.Hosting;

/// <summary>Standalone mode: one queue listener per queue function and one cron timer per timer function.</summary>
internal sealed partial class StandaloneTriggers(
    FunctionTable table,
    StorageProvisioner provisioner,
    QueueServiceClient queues,
    StorageNames names,
    FunctionRunner runner,
    TimerLease lease,
    IOptions<HostingOptions> options,
    IConfiguration configuration,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Yield so start-up (and GET / for the host's readiness probe) is not held up by storage.
        await Task.Yield();
        await provisioner.EnsureAsync(stoppingToken);

        var work = table.Queues.Select(f => new QueueListener(
                f,
                queues.GetQueueClient(names.Queue(f.QueueName)),
                queues.GetQueueClient(names.PoisonQueue(f.QueueName)),
                runner,
                options.Value,
                time,
                loggers.CreateLogger<QueueListener>()).RunAsync(stoppingToken))
            .Concat(table.Timers.Select(f => new CronTimer(
                f,
                CronTimer.Parse(configuration[f.ScheduleSetting] ?? f.DefaultSchedule),
                lease,
                runner,
                time,
                loggers.CreateLogger<CronTimer>()).RunAsync(stoppingToken)));
        await Task.WhenAll(work);
    }
}
