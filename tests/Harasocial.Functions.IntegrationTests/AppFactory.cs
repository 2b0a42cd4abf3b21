using Harasocial.Standalone.Hosting;
using Harasocial.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests;

/// <summary>
/// The real app (standalone mode) on the test server against Azurite. Two factories built with the same
/// <see cref="Prefix"/> are two instances of one deployment sharing storage.
/// </summary>
internal sealed class AppFactory(
    AzuriteFixture azurite,
    string? prefix = null,
    Action<IServiceCollection>? services = null,
    IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<FunctionsAssembly>
{
    public const string AdminKey = "test-admin-key-0123456789abcdef";

    // A fixed test key: base64 of 32 bytes.
    public const string EncryptionKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    public string Prefix { get; } = prefix ?? azurite.UniqueName(string.Empty);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:NamePrefix"] = Prefix,
            ["Auth:AdminKey"] = AdminKey,
            ["Security:TokenEncryptionKey"] = EncryptionKey,
            ["Hosting:RetryDelay"] = "00:00:00",
            ["Hosting:MaxPollingInterval"] = "00:00:00.200",
            ["Sync:ActivityRetryInterval"] = "00:00:00.200",
            ["Durable:MaxQueuePollingInterval"] = "00:00:00.200",
            ["Durable:LeaseInterval"] = "00:00:06",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        foreach (var (key, value) in values)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }
}
