using Azure;
using Azure.Data.Tables;
using Harasocial.Sync.Storage;

namespace Harasocial.Sync.Tenants;

internal sealed record Tenant(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary>Tenants and their key hashes. Valid keys are cached briefly (<see cref="ApiKeyCache"/>): lookups happen on every request.</summary>
internal sealed class TenantStore(TableServiceClient tables, StorageNames names, ApiKeyCache keyCache, TimeProvider time)
{
    private const string TenantPartition = "tenant";
    private const string KeyRow = "key";

    private TableClient Tenants => tables.GetTableClient(names.Table(StorageNames.TenantsTable));

    private TableClient Keys => tables.GetTableClient(names.Table(StorageNames.ApiKeysTable));

    /// <summary>Creates the tenant and returns its key, or null when the id is taken.</summary>
    public async Task<(Tenant Tenant, string ApiKey)?> CreateAsync(string id, string name, CancellationToken cancellationToken)
    {
        var key = ApiKeyHasher.NewKey();
        var hash = ApiKeyHasher.Hash(key);

        // The key row first: its random hash never conflicts, and it is removed again if the tenant id is taken.
        await Keys.AddEntityAsync(new TableEntity(hash, KeyRow) { ["TenantId"] = id }, cancellationToken);
        var tenant = new Tenant(id, name, time.GetUtcNow());
        try
        {
            await Tenants.AddEntityAsync(
                new TableEntity(TenantPartition, id) { ["Name"] = name, ["CreatedAt"] = tenant.CreatedAt, ["KeyHash"] = hash },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            await Keys.DeleteEntityAsync(hash, KeyRow, cancellationToken: CancellationToken.None);
            return null;
        }

        return (tenant, key);
    }

    public async Task<Tenant?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var row = await Tenants.GetEntityIfExistsAsync<TableEntity>(TenantPartition, id, cancellationToken: cancellationToken);
        return row.HasValue
            ? new Tenant(id, row.Value!.GetString("Name") ?? id, row.Value.GetDateTimeOffset("CreatedAt") ?? default)
            : null;
    }

    /// <summary>The key's tenant when the key was valid within the last minute (no storage read).</summary>
    public bool TryFindCached(string key, out string tenantId) => keyCache.TryGet(ApiKeyHasher.Hash(key), out tenantId);

    /// <summary>One storage read; a valid key is cached.</summary>
    public async Task<string?> LookUpAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeyHasher.Hash(key);
        var row = await Keys.GetEntityIfExistsAsync<TableEntity>(hash, KeyRow, cancellationToken: cancellationToken);
        var tenantId = row.HasValue ? row.Value!.GetString("TenantId") : null;
        if (tenantId is not null)
        {
            keyCache.AddValid(hash, tenantId);
        }

        return tenantId;
    }
}
