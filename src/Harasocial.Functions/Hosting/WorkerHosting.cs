using Harasocial.Sync.Api;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Connections;
using Harasocial.Sync.Functions;
using Harasocial.Sync.Hosting;
using Harasocial.Sync.Security;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync;
using Harasocial.Sync.Tenants;
using Harasocial.Sync.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Harasocial.Functions.Hosting;

internal static class WorkerHosting
{
    /// <summary>The product's areas and the worker's glue: what Program.cs runs, and what the tests call functions with.</summary>
    public static IServiceCollection AddWorkerApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkerHosting(configuration);
        services.AddProblemHandling();
        services.AddStorage(configuration);
        services.AddSecurity(configuration);
        services.AddFunctionTable();
        services.AddHealth();
        services.AddTenants();
        services.AddChannels(configuration);
        services.AddSync(configuration);
        services.AddConnectionsAndInbox();
        services.AddWebhooks();
        return services;
    }

    /// <summary>What the worker adds around the product: the invocation glue, the request pipeline, provisioning at start.</summary>
    public static IServiceCollection AddWorkerHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HostingOptions>().Bind(configuration.GetSection(HostingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.PostConfigure<HostingOptions>(o => o.BehindFunctionsHost = true);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<DurableClientHolder>();
        services.AddScoped(sp => sp.GetRequiredService<DurableClientHolder>().Require());
        services.AddSingleton<HttpInvoker>();
        services.AddSingleton<TriggerInvoker>();
        services.AddTransient<IStartupFilter, ApiStartupFilter>();
        services.AddHostedService<ProvisionOnStart>();
        return services;
    }

    /// <summary>The tables and queues exist before the first trigger runs (API requests wait for it too).</summary>
    private sealed class ProvisionOnStart(StorageProvisioner provisioner) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            await provisioner.EnsureAsync(stoppingToken);
        }
    }
}

/// <summary>
/// Puts the product's request pipeline (<see cref="ApiPipeline.UseApiPipeline"/>) in front of the worker's own
/// ASP.NET Core pipeline, which routes each request to its function: every HTTP function meets the same problem
/// handling, headers, rate limits and API-key check as in the standalone host.
/// </summary>
internal sealed class ApiStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseApiPipeline();
        next(app);
    };
}
