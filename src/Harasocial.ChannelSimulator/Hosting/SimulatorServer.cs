using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Harasocial.ChannelSimulator;

/// <summary>Kestrel on 127.0.0.1 serving the Graph, Zalo and Shopee shaped endpoints plus the <c>/_sim</c> control API.</summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _webhookClient;

    private SimulatorServer(WebApplication app, HttpClient webhookClient, SimulatorState state, Uri baseUri)
    {
        _app = app;
        _webhookClient = webhookClient;
        State = state;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }
    public Uri GraphBaseUri => new(BaseUri, "graph/v25.0");
    public Uri ZaloOpenApiBaseUri => new(BaseUri, "zalo/openapi");
    public Uri ZaloOAuthBaseUri => new(BaseUri, "zalo/oauth");
    public Uri ShopeeBaseUri => new(BaseUri, "shopee");
    public SimulatorState State { get; }

    public static async Task<SimulatorServer> StartAsync(
        Scenario scenario, SimulatorServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new SimulatorServerOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorServer).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        if (options.ConsoleLogging)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var webhookClient = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var state = new SimulatorState(scenario, options.TimeProvider, options.WebhookTarget, webhookClient);
        var app = builder.Build();
        SimulatorApp.Configure(app, state);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new SimulatorServer(app, webhookClient, state, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _webhookClient.Dispose();
    }
}
