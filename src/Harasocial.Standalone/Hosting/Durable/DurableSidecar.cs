using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Harasocial.Sync.Storage;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace Harasocial.Standalone.Hosting.Durable;

/// <summary>
/// The standalone host's Durable backend: the Durable Task Framework's Azure Storage provider (the one Durable
/// Functions runs on in Azure: same <c>{hub}History</c>/<c>{hub}Instances</c> tables and control/work-item queues),
/// served to the standard Durable Task gRPC worker and client by <c>TaskHubGrpcServer</c> on a Unix domain socket
/// private to this process (no TCP port: nothing else on the machine can start or end orchestrations through it).
/// Starts in the background so start-up is not held up by storage; API requests wait for it (<see cref="ReadyAsync"/>).
/// </summary>
internal sealed partial class DurableSidecar : IHostedService, IProvisioned, IAsyncDisposable
{
    private static readonly string SocketFolder = Path.Combine(Path.GetTempPath(), "harasocial-durable");
    private readonly string socketPath = Path.Combine(SocketFolder, $"{Environment.ProcessId}-{Guid.NewGuid():N}.sock");
    private readonly IOptions<DurableOptions> options;
    private readonly StorageSettings storage;
    private readonly StorageNames names;
    private readonly ILoggerFactory loggers;
    private readonly ILogger log;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stopping = new();
    private WebApplication? server;
    private StopSafeOrchestrationService? service;
    private Task? starting;

    public DurableSidecar(IOptions<DurableOptions> options, StorageSettings storage, StorageNames names, ILoggerFactory loggers)
    {
        (this.options, this.storage, this.names, this.loggers) = (options, storage, names, loggers);
        log = loggers.CreateLogger<DurableSidecar>(); // here, not at stop: a test host may dispose its loggers first
        Channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { ConnectCallback = ConnectAsync },
            LoggerFactory = loggers,
        });
    }

    /// <summary>The channel the Durable worker and client talk over.</summary>
    public GrpcChannel Channel { get; }

    public string HubName => options.Value.EffectiveHubName(names.Prefix);

    public Task ReadyAsync(CancellationToken cancellationToken) => ready.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// Starts in the background, but waits up to a few seconds for it: the Durable worker starts next and would
    /// otherwise log failed connection attempts until the socket listens. Storage that is down does not hold start-up
    /// longer than that (the worker then retries on its own).
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        RemoveStaleSockets();
        starting = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
        await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; !cancellationToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var storageService = new AzureStorageOrchestrationService(Settings());
                await storageService.CreateIfNotExistsAsync().WaitAsync(cancellationToken);
                service = new StopSafeOrchestrationService(storageService);
                var builder = WebApplication.CreateSlimBuilder();
                builder.Logging.ClearProviders();
                builder.Services.AddSingleton(loggers);
                builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(socketPath, l => l.Protocols = HttpProtocols.Http2));
                builder.Services.AddGrpc();
                builder.Services.AddSingleton<IOrchestrationService>(service);
                builder.Services.AddSingleton<IOrchestrationServiceClient>(storageService);
                builder.Services.AddSingleton<TaskHubGrpcServer>();
                server = builder.Build();
                server.MapGrpcService<TaskHubGrpcServer>();
                await server.StartAsync(cancellationToken);
                LogStarted(log, HubName);
                ready.TrySetResult();
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Storage not reachable yet: the API keeps answering 503 on health until it is.
                LogRetry(log, attempt, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }

    private AzureStorageOrchestrationServiceSettings Settings()
    {
        var o = options.Value;
        return new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = HubName,

            // Partition leases are owned by worker id, which defaults to the machine name: two instances on one machine
            // (tests, a second process) would both believe they hold the same lease.
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}-{socketPath.GetHashCode(StringComparison.Ordinal):x8}",
            StorageAccountClientProvider = Provider(storage),
            PartitionCount = o.PartitionCount,
            MaxQueuePollingInterval = o.MaxQueuePollingInterval,
            LeaseInterval = o.LeaseInterval,
            LeaseRenewInterval = o.LeaseInterval / 3,
            LeaseAcquireInterval = o.LeaseInterval / 3,
            ControlQueueVisibilityTimeout = o.WorkItemVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = o.WorkItemVisibilityTimeout,
            MaxConcurrentTaskActivityWorkItems = o.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = o.MaxConcurrentOrchestrations,
            LoggerFactory = loggers,
        };
    }

    /// <summary>The app's storage account for the task hub: its tables and queues, and blobs for its partition leases.</summary>
    private static StorageAccountClientProvider Provider(StorageSettings settings) =>
        settings.ConnectionString is { } connectionString
            ? new StorageAccountClientProvider(connectionString)
            : new StorageAccountClientProvider(
                settings.BlobServiceUri ?? throw new InvalidOperationException($"The Durable task hub needs {StorageSettings.Setting}__blobServiceUri (or __accountName): its partition leases are blobs."),
                settings.QueueServiceUri!,
                settings.TableServiceUri!,
                StorageClientFactory.CreateCredential(settings));

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (starting is not null)
        {
            await starting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (server is not null)
        {
            await server.StopAsync(cancellationToken);
        }

        // The sidecar stops its dispatcher in a fire-and-forget handler; stop the service here too and wait, so this
        // instance's partition leases are released before it is gone and another instance takes over at once.
        // Bounded: when storage went away first (a demo's Ctrl-C stops Azurite too), releasing the lease would retry until
        // the host gives up; the lease then simply expires.
        if (service is not null)
        {
            try
            {
                await service.StopAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                LogStopTimedOut(log);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Channel.Dispose();
        stopping.Dispose();
        File.Delete(socketPath);
    }

    /// <summary>A killed process leaves its socket file behind; files of processes that no longer run are removed.</summary>
    private static void RemoveStaleSockets()
    {
        Directory.CreateDirectory(SocketFolder);
        foreach (var file in Directory.EnumerateFiles(SocketFolder, "*.sock"))
        {
            var pid = Path.GetFileName(file).Split('-')[0];
            if (int.TryParse(pid, System.Globalization.CultureInfo.InvariantCulture, out var id) && !IsRunning(id))
            {
                File.Delete(file);
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable task hub {Hub} is served on Azure Storage")]
    private static partial void LogStarted(ILogger logger, string hub);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Durable task hub did not stop within 5 seconds (storage gone?); its partition lease will expire")]
    private static partial void LogStopTimedOut(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Durable task hub not ready (attempt {Attempt}: {Error}); retrying")]
    private static partial void LogRetry(ILogger logger, int attempt, string error);
}
