using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Harasocial.Functions.IntegrationTests.ChannelSimulator;

/// <summary>A tiny Kestrel listener on a free port that records every webhook POST (path, headers, raw body).</summary>
internal sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookListener(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }
    public ConcurrentQueue<(string Path, IReadOnlyDictionary<string, string> Headers, string Body)> Received { get; } = new();

    public static async Task<WebhookListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        WebhookListener? self = null;
        app.MapPost("/api/webhooks/{channel}", async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body);
            var body = await reader.ReadToEndAsync();
            self!.Received.Enqueue((c.Request.Path.Value!, c.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new WebhookListener(app, new Uri($"http://127.0.0.1:{new Uri(address).Port}/"));
        return self;
    }

    public async Task<(string Path, IReadOnlyDictionary<string, string> Headers, string Body)> WaitForAsync(Func<string, bool> match)
    {
        for (var i = 0; i < 100; i++)
        {
            var hit = Received.FirstOrDefault(r => match(r.Body));
            if (hit.Body is not null)
            {
                return hit;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No matching webhook arrived within 5 s.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
