using Harasocial.Functions.Functions;
using Harasocial.Functions.Storage;
using Harasocial.Functions.Sync.Steps;
using Harasocial.Functions.Sync.Timers;

namespace Harasocial.Functions.Sync;

internal static class SyncServiceCollectionExtensions
{
    public static IServiceCollection AddSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyncOptions>().Bind(configuration.GetSection(SyncOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConnectionStore>();
        services.AddSingleton<CounterStore>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<MessageStore>();
        services.AddSingleton<PostStore>();
        services.AddSingleton<SyncQueue>();
        services.AddSingleton<CallGate>();
        services.AddSingleton<ChannelAccess>();
        services.AddSingleton<SyncJobs>();
        services.AddSingleton<ConversationsStep>();
        services.AddSingleton<CustomerStep>();
        services.AddSingleton<MessagesStep>();
        services.AddSingleton<PostsStep>();
        services.AddSingleton<CommentsStep>();
        services.AddSingleton<TimerQueue>();
        services.AddSingleton<SpamChecks>();
        services.AddFunction(QueueFunction.For<DurableTimerHandler>("DurableTimer", StorageNames.TimersQueue));
        services.AddFunction(TimerFunction.For<ResyncTimer>("Resync", "Sync:ResyncSchedule", "0 */15 * * * *"));
        services.AddFunction(QueueFunction.For<SyncStepHandler>("SyncStep", StorageNames.SyncStepsQueue));
        services.AddFunctions(SyncEndpoints.Functions);
        return services;
    }
}
