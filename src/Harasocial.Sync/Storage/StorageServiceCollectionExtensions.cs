using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Storage;

internal static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations()
            // AzureWebJobsStorage is read at start too: a missing or half-set connection stops the host with the setting named.
            .Validate(_ => StorageSettings.Read(configuration) is not null)
            .ValidateOnStart();
        services.AddSingleton(sp => new StorageNames(sp.GetRequiredService<IOptions<StorageOptions>>().Value.NamePrefix));
        services.AddSingleton(_ => StorageSettings.Read(configuration));
        services.AddSingleton(sp => StorageClientFactory.Create(configuration, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UndecodableMessages).FullName!)));
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Tables);
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Queues);
        services.AddSingleton<StorageProvisioner>();
        return services;
    }
}
