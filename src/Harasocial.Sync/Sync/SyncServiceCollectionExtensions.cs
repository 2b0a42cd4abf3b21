using Harasocial.Sync.Functions;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Durable;
using Harasocial.Sync.Sync.Jobs;
using Microsoft.DurableTask.Client;

namespace Harasocial.Sync.Sync;

internal static class SyncServiceCollectionExtensions
{
    public static IServiceCollection AddSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyncOptions>().Bind(configuration.GetSection(SyncOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConnectionStore>();
        services.AddSingleton<CounterStore>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<MessageStore>();
        services.AddSingleton<PostStore>();
        services.AddSingleton<CallGate>();
        services.AddSingleton<ChannelAccess>();
        services.AddSingleton<SyncJobs>();
        services.AddSingleton<SpamChecks>();
        services.AddSingleton<ResyncTimer>();
        services.AddSyncActivities();
        services.AddFunction(TimerFunction.For<ResyncTick>("Resync", "Sync:ResyncSchedule", "0 */15 * * * *"));
        services.AddFunctions(SyncEndpoints.Functions);
        return services;
    }

    /// <summary>The resync timer function: starts the ticks' orchestrations through the host's Durable client.</summary>
    private sealed class ResyncTick(ResyncTimer timer, DurableTaskClient durable) : ITimerFunctionHandler
    {
        public Task RunAsync(TimerContext context, CancellationToken cancellationToken) => timer.RunAsync(durable, context.ScheduledAt, cancellationToken);
    }
}
