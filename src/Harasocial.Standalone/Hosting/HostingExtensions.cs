using Harasocial.Sync.Hosting;
using Harasocial.Sync.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Harasocial.Standalone.Hosting;

internal static class HostingExtensions
{
    public const string DefaultStandaloneUrl = "http://127.0.0.1:7071";

    /// <summary>
    /// The dashboard's files sit next to the executable (build and publish copy wwwroot there), whatever the working
    /// directory.
    /// </summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return new WebApplicationOptions { Args = args, WebRootPath = Directory.Exists(webRoot) ? webRoot : null };
    }

    /// <summary>URLs, settings sources, request limits and the standalone triggers.</summary>
    public static WebApplicationBuilder AddHosting(this WebApplicationBuilder builder, string[] args)
    {
        // func start reads local.settings.json itself; the standalone host does the same, environment variables still win.
        builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath).AddEnvironmentVariables().AddCommandLine(args);
        var hosting = builder.Configuration.GetSection(HostingOptions.Section).Get<HostingOptions>() ?? new HostingOptions();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultStandaloneUrl);
        }

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = hosting.MaxRequestBodyBytes);
        builder.Services.AddOptions<HostingOptions>().Bind(builder.Configuration.GetSection(HostingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TimerLease>();
        if (hosting.Triggers)
        {
            builder.Services.AddHostedService<StandaloneTriggers>();
        }
        else
        {
            builder.Services.AddHostedService<ProvisionOnStart>();
        }

        return builder;
    }

    /// <summary>HTTP only: no triggers, but the tables and queues are made sure of.</summary>
    private sealed class ProvisionOnStart(StorageProvisioner provisioner) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            await provisioner.EnsureAsync(stoppingToken);
        }
    }
}
