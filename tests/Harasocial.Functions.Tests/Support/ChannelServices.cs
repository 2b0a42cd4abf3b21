using Harasocial.Sync.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.Tests.Support;

/// <summary>Builds the real AddChannels registrations over in-memory configuration, optionally with a stub
/// primary handler for every channel HttpClient.</summary>
internal static class ChannelServices
{
    public static ServiceProvider Build(Dictionary<string, string?>? settings = null, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddChannels(configuration);
        if (handler is not null)
        {
            foreach (var name in new[] { "Channels.Graph", "Channels.Zalo", "Channels.Shopee" })
            {
                services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => handler);
            }
        }

        return services.BuildServiceProvider();
    }

    public static T Webhook<T>(Dictionary<string, string?> settings)
        where T : notnull =>
        Build(settings).GetRequiredService<T>();
}
