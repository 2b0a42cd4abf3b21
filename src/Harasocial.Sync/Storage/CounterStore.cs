using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Harasocial.Sync.Storage;

/// <summary>
/// What webhooks and replies add to a connection's counts, spread over <see cref="Shards"/> rows (PK = connection id,
/// RK = shard). Every new message used to bump the connection row itself; a burst of webhooks for one page then fought
/// over that row's ETag (benchmark 4's drain: "keeps changing under us", a few messages a second). Spreading the adds
/// keeps concurrent writers apart; readers add the shards to the counts the sync jobs wrote on the connection row.
/// </summary>
internal sealed class CounterStore(TableServiceClient tables, StorageNames names)
{
    public const int Shards = 16;

    /// <summary>Operation ids a shard remembers: enough for the adds that can land on it while one add is retried.</summary>
    private const int Remembered = 32;

    private TableClient Counters => tables.GetTableClient(names.Table(StorageNames.CountersTable));

    /// <summary>
    /// Adds once per <paramref name="operationId"/> (the id of what is counted, e.g. the message). The add is a read and
    /// a replace under the shard's ETag; when the replace is applied but its answer is lost, the client retries it,
    /// meets the new ETag (412), and a blind re-add would count twice. So the id's hash picks the shard (a retry meets
    /// the same one), the shard keeps the hashes of its last adds, and an add that finds its own there is already done.
    /// </summary>
    public Task AddAsync(string connectionId, string operationId, int conversations, long messages, CancellationToken cancellationToken) =>
        AddAsync(connectionId, operationId, new WebhookCounts(conversations, messages), cancellationToken);

    /// <inheritdoc cref="AddAsync(string, string, int, long, CancellationToken)"/>
    public async Task AddAsync(string connectionId, string operationId, WebhookCounts delta, CancellationToken cancellationToken)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(operationId));
        var (shard, token) = ((hash[0] % Shards).ToString("D2", System.Globalization.CultureInfo.InvariantCulture), Convert.ToHexStringLower(hash, 1, 8));
        for (var attempt = 0; ; attempt++)
        {
            var row = await Counters.GetOrDefaultAsync<TableEntity>(connectionId, shard, cancellationToken);
            var recent = row?.GetString("Recent")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            if (recent.Contains(token, StringComparer.Ordinal))
            {
                return;
            }

            var next = new TableEntity(connectionId, shard)
            {
                ["Conversations"] = (row?.GetInt32("Conversations") ?? 0) + delta.Conversations,
                ["Messages"] = (row?.GetInt64("Messages") ?? 0) + delta.Messages,
                ["Posts"] = (row?.GetInt32("Posts") ?? 0) + delta.Posts,
                ["Comments"] = (row?.GetInt32("Comments") ?? 0) + delta.Comments,
                ["Recent"] = string.Join(' ', recent.TakeLast(Remembered - 1).Append(token)),
            };
            try
            {
                await (row is null
                    ? Counters.AddEntityAsync(next, cancellationToken)
                    : Counters.UpdateEntityAsync(next, row.ETag, TableUpdateMode.Replace, cancellationToken));
                return;
            }
            catch (RequestFailedException ex) when (ex.IsConflict() && attempt < 50)
            {
                // Another writer took this shard's ETag first, or this very add was applied and its answer lost: read again.
            }
        }
    }

    /// <summary>The webhook additions of a connection, summed over its shards (one query).</summary>
    public async Task<WebhookCounts> SumAsync(string connectionId, CancellationToken cancellationToken)
    {
        var sum = WebhookCounts.Zero;
        await foreach (var row in Counters.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {connectionId}"), cancellationToken: cancellationToken))
        {
            sum += new WebhookCounts(row.GetInt32("Conversations") ?? 0, row.GetInt64("Messages") ?? 0, row.GetInt32("Posts") ?? 0, row.GetInt32("Comments") ?? 0);
        }

        return sum;
    }
}

/// <summary>What webhooks and replies added to (or, for removed comments, took from) a connection's counts.</summary>
internal readonly record struct WebhookCounts(int Conversations, long Messages, int Posts = 0, int Comments = 0)
{
    public static readonly WebhookCounts Zero;

    public static WebhookCounts operator +(WebhookCounts a, WebhookCounts b) =>
        new(a.Conversations + b.Conversations, a.Messages + b.Messages, a.Posts + b.Posts, a.Comments + b.Comments);
}
