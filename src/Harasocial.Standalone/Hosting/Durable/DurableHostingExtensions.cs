using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Durable;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.Options;

namespace Harasocial.Standalone.Hosting.Durable;

internal static class DurableHostingExtensions
{
    /// <summary>
    /// Standalone: our orchestrators and activities run in the standard Durable Task gRPC worker, and the API schedules
    /// and queries them with the standard <see cref="DurableTaskClient"/>, both talking to the in-process
    /// <see cref="DurableSidecar"/> on Azure Storage.
    /// </summary>
    public static IServiceCollection AddDurableStandalone(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DurableOptions>().Bind(configuration.GetSection(DurableOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DurableSidecar>();
        services.AddSingleton<IProvisioned>(sp => sp.GetRequiredService<DurableSidecar>());

        // The sidecar starts before the worker (hosted services start in registration order) and stops after it.
        services.AddHostedService(sp => sp.GetRequiredService<DurableSidecar>());
        services.AddDurableTaskWorker(builder =>
        {
            builder.AddTasks(SyncTasks.Register);
            builder.UseGrpc(_ => { });
        });
        services.AddOptions<GrpcDurableTaskWorkerOptions>(Options.DefaultName).Configure<DurableSidecar>((o, sidecar) => o.Channel = sidecar.Channel);
        services.AddOptions<DurableTaskWorkerOptions>(Options.DefaultName).Configure<IOptions<DurableOptions>>((o, durable) =>
        {
            o.Concurrency.MaximumConcurrentActivityWorkItems = durable.Value.MaxConcurrentActivities;
            o.Concurrency.MaximumConcurrentOrchestrationWorkItems = durable.Value.MaxConcurrentOrchestrations;
        });
        services.AddDurableTaskClient(builder => builder.UseGrpc(_ => { }));
        services.AddOptions<GrpcDurableTaskClientOptions>(Options.DefaultName).Configure<DurableSidecar>((o, sidecar) => o.Channel = sidecar.Channel);
        return services;
    }
}
