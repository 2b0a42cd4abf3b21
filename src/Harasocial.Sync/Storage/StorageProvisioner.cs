using Azure.Data.Tables;
using Azure.Storage.Queues;
using Harasocial.Sync.Functions;

namespace Harasocial.Sync.Storage;

/// <summary>
/// Creates every table and queue the app uses (idempotent): all tables in <see cref="StorageNames.AllTables"/> and,
/// for every queue function of the table, its queue and poison queue. Runs once per process; API requests wait for it
/// (<see cref="StorageReadyMiddleware"/>), so a request that arrives during start-up never meets a missing table.
/// A failed attempt (storage unreachable) is retried by the next caller.
/// </summary>
internal sealed class StorageProvisioner(TableServiceClient tables, QueueServiceClient queues, StorageNames names, FunctionTable functions, IEnumerable<IProvisioned> others)
{
    private readonly Lock gate = new();
    private Task? provisioned;

    public bool IsReady => provisioned is { IsCompletedSuccessfully: true };

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (provisioned is null || provisioned.IsFaulted || provisioned.IsCanceled)
            {
                provisioned = CreateAllAsync(cancellationToken);
            }

            return provisioned;
        }
    }

    private async Task CreateAllAsync(CancellationToken cancellationToken)
    {
        var queueNames = functions.Queues.Select(q => q.QueueName).Distinct(StringComparer.Ordinal).ToList();
        await Task.WhenAll(
            StorageNames.AllTables.Select(n => (Task)tables.CreateTableIfNotExistsAsync(names.Table(n), cancellationToken))
                .Concat(queueNames.SelectMany(n => new Task[]
                {
                    queues.GetQueueClient(names.Queue(n)).CreateIfNotExistsAsync(cancellationToken: cancellationToken),
                    queues.GetQueueClient(names.PoisonQueue(n)).CreateIfNotExistsAsync(cancellationToken: cancellationToken),
                })));
        await Task.WhenAll(others.Select(o => o.ReadyAsync(cancellationToken)));
    }
}

/// <summary>Something else the API needs before it serves (the standalone host's Durable task hub).</summary>
internal interface IProvisioned
{
    Task ReadyAsync(CancellationToken cancellationToken);
}

/// <summary>API requests wait until storage is provisioned (instant after start-up); <c>GET /</c> does not, and neither
/// does <c>/api/health</c>, which provisions under its own time limit and reports what it found.</summary>
internal sealed class StorageReadyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, StorageProvisioner provisioner)
    {
        if (!provisioner.IsReady && http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && !http.Request.Path.StartsWithSegments("/api/health", StringComparison.OrdinalIgnoreCase))
        {
            await provisioner.EnsureAsync(CancellationToken.None).WaitAsync(http.RequestAborted);
        }

        await next(http);
    }
}
