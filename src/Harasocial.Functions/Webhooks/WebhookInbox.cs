using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harasocial.AzureStorage;
using Harasocial.Functions.Channels;
using Harasocial.Functions.Storage;

namespace Harasocial.Functions.Webhooks;

/// <summary>
/// Makes a verified webhook durable before it is acknowledged: the raw JSON goes on the <c>webhooks</c> queue inside
/// a small envelope. A Meta batch too big for one queue message is split by entry; anything still too big (one huge
/// entry, a big Zalo/Shopee body) is spilled into a table row group and the queue message points at it.
/// </summary>
internal sealed class WebhookInbox(QueueServiceClient queues, TableServiceClient tables, StorageNames names, TimeProvider time)
{
    /// <summary>Room left in a 64 KiB queue message for the body once the envelope and XML escaping are counted.</summary>
    public const int MaxInlineBytes = 48 * 1024;

    private const int SpillChunkBytes = 60 * 1024;

    private QueueClient Queue => queues.GetQueueClient(names.Queue(StorageNames.WebhooksQueue));

    private TableClient Bodies => tables.GetTableClient(names.Table(StorageNames.WebhookBodiesTable));

    public async Task StoreAsync(ChannelKind channel, byte[] body, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow();
        foreach (var part in Split(channel, body))
        {
            if (part.Length <= MaxInlineBytes)
            {
                await Queue.SendMessageAsync(Envelope(channel, receivedAt, "body", Encoding.UTF8.GetString(part)), null, TimeSpan.FromSeconds(-1), cancellationToken);
                continue;
            }

            var id = Keys.NewId("wh_");
            var chunks = part.Chunk(SpillChunkBytes).Select((bytes, i) => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new TableEntity(id, i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)) { ["Data"] = bytes })).ToList();
            await Bodies.SubmitTransactionAsync(chunks, cancellationToken);
            await Queue.SendMessageAsync(Envelope(channel, receivedAt, "spill", JsonSerializer.Serialize(id, WebhookJsonContext.Default.String)), null, TimeSpan.FromSeconds(-1), cancellationToken);
        }
    }

    /// <summary>The body of a queued webhook, and the spill id to delete once it is applied.</summary>
    public async Task<(byte[] Body, string? SpillId)> ReadAsync(WebhookEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Body is { } inline)
        {
            return (Encoding.UTF8.GetBytes(inline.GetRawText()), null);
        }

        var id = envelope.Spill ?? throw new FormatException("A webhook envelope needs a body or a spill id.");
        var bytes = new List<byte>();
        await foreach (var row in Bodies.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: cancellationToken))
        {
            bytes.AddRange(row.GetBinary("Data") ?? []);
        }

        return bytes.Count == 0 ? throw new InvalidOperationException($"Spilled webhook {id} is missing.") : ([.. bytes], id);
    }

    public async Task DeleteSpillAsync(string id, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var row in Bodies.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        await Bodies.SubmitInChunksAsync([.. keys.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(id, k)))], cancellationToken);
    }

    /// <summary>Meta batches (<c>entry[]</c>) split into one body per entry when the whole is too big for a message.</summary>
    private static List<byte[]> Split(ChannelKind channel, byte[] body)
    {
        if (body.Length <= MaxInlineBytes || channel is not (ChannelKind.Facebook or ChannelKind.Instagram) ||
            JsonNode.Parse(body) is not JsonObject root || root["entry"] is not JsonArray { Count: > 1 } entries)
        {
            return [body];
        }

        return entries.Select(entry => Encoding.UTF8.GetBytes(new JsonObject
        {
            ["object"] = root["object"]?.DeepClone(),
            ["entry"] = new JsonArray(entry!.DeepClone()),
        }.ToJsonString())).ToList();
    }

    private static string Envelope(ChannelKind channel, DateTimeOffset receivedAt, string field, string json) =>
        $"{{\"channel\":\"{channel.ToWireName()}\",\"receivedAt\":\"{receivedAt:O}\",\"{field}\":{json}}}";
}
