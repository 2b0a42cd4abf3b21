using Azure;
using Azure.Data.Tables;

namespace Harasocial.Sync.Storage;

/// <summary>
/// One row per <c>Idempotency-Key</c> of a tenant (PK = tenant, RK = a hash of the key): which request claimed it
/// (its fingerprint), whether it is still running (<see cref="IdempotencyEntity.Pending"/> until its lease ends) and,
/// once done, the answer to give again. Claimed by an insert, so of concurrent requests with one key exactly one runs.
/// </summary>
internal sealed class IdempotencyStore(TableServiceClient tables, StorageNames names)
{
    private TableClient Table => tables.GetTableClient(names.Table(StorageNames.IdempotencyTable));

    /// <summary>True when this insert claimed the key; false when a row exists (read it with <see cref="GetAsync"/>).</summary>
    public async Task<bool> TryClaimAsync(IdempotencyEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Takes over a row that expired or whose holder's lease ran out, under its ETag (one taker wins).</summary>
    public async Task<bool> TryTakeOverAsync(IdempotencyEntity stale, IdempotencyEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await Table.UpdateEntityAsync(row, stale.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.IsConflict() || ex.Status == 404)
        {
            return false;
        }
    }

    public Task<IdempotencyEntity?> GetAsync(string tenantId, string rowKey, CancellationToken cancellationToken) =>
        Table.GetOrDefaultAsync<IdempotencyEntity>(tenantId, rowKey, cancellationToken);

    public async Task CompleteAsync(IdempotencyEntity row, CancellationToken cancellationToken) =>
        await Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Gives the key up (the request ended without a definite answer: nothing was sent, it may be tried again).</summary>
    public async Task ReleaseAsync(string tenantId, string rowKey, CancellationToken cancellationToken) =>
        await Table.DeleteEntityAsync(tenantId, rowKey, ETag.All, cancellationToken);

    /// <summary>Deletes rows created before <paramref name="before"/> (the resync tick; keys are kept 24 h).</summary>
    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        Table.DeleteWhereAsync(TableClient.CreateQueryFilter($"CreatedAt lt {before}"), cancellationToken);
}

/// <summary>An idempotency key's claim and, once done, its answer.</summary>
internal sealed class IdempotencyEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>A hash of what the request asked for (route + body): the same key with another request is a 422.</summary>
    public string Fingerprint { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>While set, the request that claimed the key is running until this time at the latest.</summary>
    public DateTimeOffset? Pending { get; set; }

    public int Status { get; set; }

    /// <summary>A 2xx answer's JSON body, given again byte for byte.</summary>
    public string? Body { get; set; }

    /// <summary>A 4xx answer's problem title and detail.</summary>
    public string? Title { get; set; }

    public string? Detail { get; set; }
}
