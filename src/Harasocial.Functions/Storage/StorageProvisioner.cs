using Harasocial.AzureStorage;

namespace Harasocial.Functions.Storage;

/// <summary>
/// Creates every table and queue the app uses (idempotent). Areas register what they need with <see cref="Require"/>
/// before the host starts; the standalone host runs it once at start-up, tests call it directly.
/// </summary>
internal sealed class StorageProvisioner(TableServiceClient tables, QueueServiceClient queues, StorageNames names)
{
    private readonly HashSet<string> tableNames = [.. StorageNames.AllTables];
    private readonly HashSet<string> queueNames = [];
    private Task? provisioned;

    public void Require(IEnumerable<string>? tablesNeeded = null, IEnumerable<string>? queuesNeeded = null)
    {
        lock (tableNames)
        {
            tableNames.UnionWith(tablesNeeded ?? []);
            queueNames.UnionWith(queuesNeeded ?? []);
        }
    }

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        lock (tableNames)
        {
            return provisioned ??= CreateAllAsync(cancellationToken);
        }
    }

    private async Task CreateAllAsync(CancellationToken cancellationToken)
    {
        string[] t;
        string[] q;
        lock (tableNames)
        {
            t = [.. tableNames];
            q = [.. queueNames];
        }

        await Task.WhenAll(
            t.Select(n => (Task)tables.CreateTableIfNotExistsAsync(names.Table(n), cancellationToken))
                .Concat(q.SelectMany(n => new Task[]
                {
                    queues.GetQueueClient(names.Queue(n)).CreateIfNotExistsAsync(cancellationToken),
                    queues.GetQueueClient(names.PoisonQueue(n)).CreateIfNotExistsAsync(cancellationToken),
                })));
    }
}
