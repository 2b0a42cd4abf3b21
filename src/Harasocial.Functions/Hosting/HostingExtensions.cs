using System.Globalization;
using Harasocial.Functions.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Harasocial.Functions.Hosting;

internal static class HostingExtensions
{
    public const string DefaultStandaloneUrl = "http://127.0.0.1:7071";

    /// <summary>
    /// The dashboard's files sit next to the executable (build and publish copy wwwroot there), whatever the working
    /// directory: the Functions host starts us in the script root, a developer in the repository.
    /// </summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return new WebApplicationOptions { Args = args, WebRootPath = Directory.Exists(webRoot) ? webRoot : null };
    }

    /// <summary>Mode, URLs, settings sources, request limits, logging and the standalone triggers.</summary>
    public static WebApplicationBuilder AddHosting(this WebApplicationBuilder builder, string[] args)
    {
        var hosting = builder.Configuration.GetSection(HostingOptions.Section).Get<HostingOptions>() ?? new HostingOptions();
        var customHandler = HostingOptions.IsCustomHandler(hosting);
        if (!customHandler)
        {
            // func start reads local.settings.json itself; standalone mode does the same, environment variables still win.
            builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath).AddEnvironmentVariables().AddCommandLine(args);
            hosting = builder.Configuration.GetSection(HostingOptions.Section).Get<HostingOptions>() ?? hosting;
        }

        var port = Environment.GetEnvironmentVariable(HostingOptions.CustomHandlerPortVariable);
        if (customHandler && !string.IsNullOrEmpty(port))
        {
            builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        }
        else if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultStandaloneUrl);
        }

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = hosting.MaxRequestBodyBytes);
        builder.Services.AddOptions<HostingOptions>().Bind(builder.Configuration.GetSection(HostingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TimerLease>();
        if (!customHandler)
        {
            builder.Services.AddHostedService<StandaloneTriggers>();
        }
        else
        {
            builder.Services.AddHostedService<ProvisionOnStart>();
        }

        return builder;
    }

    /// <summary>Custom-handler mode: the host owns the triggers, we still make sure our tables exist.</summary>
    private sealed class ProvisionOnStart(StorageProvisioner provisioner) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            await provisioner.EnsureAsync(stoppingToken);
        }
    }

    public static bool IsCustomHandler(this IServiceProvider services) =>
        HostingOptions.IsCustomHandler(services.GetRequiredService<IOptions<HostingOptions>>().Value);
}
