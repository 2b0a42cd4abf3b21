using System.Diagnostics;
using System.Globalization;
using Harasocial.Sync.Storage;
using Harasocial.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harasocial.Benchmarks;

/// <summary>
/// Benchmark 4's second baseline: the least any webhook receiver can do — a bare Kestrel endpoint in its own process
/// that reads the body, puts it on a queue with the app's queue client (Azure.Storage.Queues, base64) and answers 200 (no signature, no JSON check, no
/// middleware). Measured against it, the intake's ratio is the cost of our own code; measured against raw puts, it
/// also carries the HTTP round trip that no receiver avoids. The benchmark runner starts itself in this mode.
/// </summary>
internal sealed class MinimalReceiver : IAsyncDisposable
{
    public const string Flag = "--minimal-receiver";

    private readonly Process process;

    private MinimalReceiver(Process process, Uri baseUri)
    {
        this.process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <summary>The receiver mode: <c>--minimal-receiver PORT QUEUE</c>, the connection string in <c>AzureWebJobsStorage</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{args[1]}"));
        await using var app = builder.Build();
        var connection = Environment.GetEnvironmentVariable("AzureWebJobsStorage") ?? throw new InvalidOperationException("AzureWebJobsStorage is not set.");
        var queue = StorageClientFactory.Create(StorageSettings.FromConnectionString(connection), NullLogger.Instance).Queues.GetQueueClient(args[2]);
        await queue.CreateIfNotExistsAsync();
        app.MapPost("/", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            await queue.SendMessageAsync(await reader.ReadToEndAsync(http.RequestAborted));
            return Results.Ok();
        });
        await app.RunAsync();
        return 0;
    }

    public static async Task<MinimalReceiver> StartAsync(AzuriteFixture azurite, string queue)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        start.ArgumentList.Add(typeof(MinimalReceiver).Assembly.Location);
        start.ArgumentList.Add(Flag);
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(queue);
        start.Environment["AzureWebJobsStorage"] = azurite.ConnectionString;
        var process = Process.Start(start)!;
        await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30), () => process.HasExited);
        return new MinimalReceiver(process, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
