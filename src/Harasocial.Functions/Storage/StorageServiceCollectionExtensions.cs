using Microsoft.Extensions.Options;

namespace Harasocial.Functions.Storage;

internal static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new StorageNames(sp.GetRequiredService<IOptions<StorageOptions>>().Value.NamePrefix));
        services.AddSingleton(_ => StorageConnectionFactory.Create(configuration));
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Tables);
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Queues);
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Settings);
        services.AddSingleton<StorageProvisioner>();
        return services;
    }
}
