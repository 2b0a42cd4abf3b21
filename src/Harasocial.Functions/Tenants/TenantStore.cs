using Azure;
using Azure.Data.Tables;
using Harasocial.Functions.Storage;

namespace Harasocial.Functions.Tenants;

internal sealed record Tenant(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary>Tenants and their key hashes. Key lookups are cached briefly: they happen on every request.</summary>
internal sealed class TenantStore(TableServiceClient tables, StorageNames names, TimeProvider time)
{
    private const string TenantPartition = "tenant";
    private const string KeyRow = "key";
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, (string? TenantId, DateTimeOffset Until)> keyCache = new(StringComparer.Ordinal);

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

    public async Task<string?> FindTenantIdByKeyAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeyHasher.Hash(key);
        var now = time.GetUtcNow();
        lock (keyCache)
        {
            if (keyCache.TryGetValue(hash, out var cached) && cached.Until > now)
            {
                return cached.TenantId;
            }
        }

        var row = await Keys.GetEntityIfExistsAsync<TableEntity>(hash, KeyRow, cancellationToken: cancellationToken);
        var tenantId = row.HasValue ? row.Value!.GetString("TenantId") : null;
        lock (keyCache)
        {
            if (keyCache.Count > 10_000)
            {
                keyCache.Clear();
            }

            keyCache[hash] = (tenantId, now + CacheFor);
        }

        return tenantId;
    }
}
