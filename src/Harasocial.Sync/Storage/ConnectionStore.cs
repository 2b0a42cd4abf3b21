using Azure;
using Azure.Data.Tables;
using Harasocial.Sync.Channels;

namespace Harasocial.Sync.Storage;

/// <summary>Connections by tenant, and the cross-tenant index that keeps one channel account connected once.</summary>
internal sealed class ConnectionStore(TableServiceClient tables, StorageNames names)
{
    private TableClient Connections => tables.GetTableClient(names.Table(StorageNames.ConnectionsTable));

    private TableClient Accounts => tables.GetTableClient(names.Table(StorageNames.AccountsTable));

    /// <summary>Claims the channel account, then writes the connection. False when another connection holds the account.</summary>
    public async Task<bool> TryCreateAsync(ConnectionEntity connection, CancellationToken cancellationToken)
    {
        if (!await TryClaimAccountAsync(connection, cancellationToken))
        {
            return false;
        }

        await Connections.AddEntityAsync(connection, cancellationToken);
        return true;
    }

    /// <summary>Claims the channel account for this connection (an insert: one holder). False when someone holds it.</summary>
    public async Task<bool> TryClaimAccountAsync(ConnectionEntity connection, CancellationToken cancellationToken)
    {
        var account = new AccountEntity
        {
            PartitionKey = connection.Channel,
            RowKey = Keys.Escape(connection.ExternalId),
            TenantId = connection.PartitionKey,
            ConnectionId = connection.RowKey,
        };
        try
        {
            await Accounts.AddEntityAsync(account, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public Task<ConnectionEntity?> GetAsync(string tenantId, string connectionId, CancellationToken cancellationToken) =>
        Keys.IsPlainId(connectionId)
            ? Connections.GetOrDefaultAsync<ConnectionEntity>(tenantId, connectionId, cancellationToken)
            : Task.FromResult<ConnectionEntity?>(null);

    public async Task<IReadOnlyList<ConnectionEntity>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var list = new List<ConnectionEntity>();
        await foreach (var row in Connections.QueryAsync<ConnectionEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"), cancellationToken: cancellationToken))
        {
            list.Add(row);
        }

        return list;
    }

    /// <summary>Every connection of every tenant (the resync timer walks them).</summary>
    public async Task<IReadOnlyList<ConnectionEntity>> ListAllAsync(CancellationToken cancellationToken)
    {
        var list = new List<ConnectionEntity>();
        await foreach (var row in Connections.QueryAsync<ConnectionEntity>(cancellationToken: cancellationToken))
        {
            list.Add(row);
        }

        return list;
    }

    /// <summary>Which connection holds a channel account (webhooks route by it).</summary>
    public Task<AccountEntity?> FindAccountAsync(ChannelKind channel, string externalId, CancellationToken cancellationToken) =>
        Accounts.GetOrDefaultAsync<AccountEntity>(channel.ToWireName(), Keys.Escape(externalId), cancellationToken);

    /// <summary>Saves under the row's ETag; false when someone else changed it first.</summary>
    public async Task<bool> TryReplaceAsync(ConnectionEntity connection, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Connections.UpdateEntityAsync(connection, connection.ETag, TableUpdateMode.Replace, cancellationToken);
            connection.ETag = response.Headers.ETag ?? connection.ETag;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Reads, changes and saves the connection, retrying on concurrent changes. Returns null when it is gone.</summary>
    public async Task<ConnectionEntity?> MutateAsync(string tenantId, string connectionId, Func<ConnectionEntity, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var connection = await GetAsync(tenantId, connectionId, cancellationToken);
            if (connection is null || !change(connection))
            {
                return connection;
            }

            if (await TryReplaceAsync(connection, cancellationToken))
            {
                return connection;
            }

            if (attempt > 20)
            {
                throw new InvalidOperationException($"Connection {connectionId} keeps changing under us.");
            }
        }
    }

    public async Task DeleteAsync(ConnectionEntity connection, CancellationToken cancellationToken)
    {
        await Connections.DeleteEntityAsync(connection.PartitionKey, connection.RowKey, cancellationToken: cancellationToken);
        await ReleaseAccountAsync(connection, cancellationToken);
    }

    /// <summary>Idempotent: the SDK answers a row that is already gone with 404 instead of throwing.</summary>
    public async Task ReleaseAccountAsync(ConnectionEntity connection, CancellationToken cancellationToken) =>
        await Accounts.DeleteEntityAsync(connection.Channel, Keys.Escape(connection.ExternalId), cancellationToken: cancellationToken);
}
