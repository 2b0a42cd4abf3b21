using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Storage;

namespace Harasocial.Sync.Webhooks;

/// <summary>
/// Makes a verified webhook durable before it is acknowledged: the raw JSON goes on the <c>webhooks</c> queue inside
/// a small envelope. A Meta batch too big for one queue message is split by entry; anything still too big (one huge
/// entry, a big Zalo/Shopee body) is spilled into a table row group and the queue message points at it.
/// "Too big" is measured on the message as the queue stores it: the envelope's UTF-8 bytes in base64
/// (<see cref="StorageClientFactory.EncodedLength"/>), so text heavy in multi-byte characters spills instead of failing.
/// </summary>
internal sealed class WebhookInbox(QueueServiceClient queues, TableServiceClient tables, StorageNames names, TimeProvider time)
{
    private const int SpillChunkBytes = 60 * 1024;

    private QueueClient Queue => queues.GetQueueClient(names.Queue(StorageNames.WebhooksQueue));

    private TableClient Bodies => tables.GetTableClient(names.Table(StorageNames.WebhookBodiesTable));

    /// <summary>
    /// The largest body, in UTF-8 bytes, that goes on the queue inline in this channel's envelope (about 48 KiB: base64
    /// makes 4 characters of every 3 bytes); a larger one is split by entry or spilled.
    /// </summary>
    public int MaxInlineBytes(ChannelKind channel) =>
        (3 * (Queue.MessageMaxBytes / 4)) - EnvelopePrefix(channel, time.GetUtcNow(), "body").Length - 1;

    public async Task StoreAsync(ChannelKind channel, byte[] body, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow();
        foreach (var part in Split(channel, receivedAt, body))
        {
            var inline = Envelope(channel, receivedAt, "body", part);
            if (Fits(inline.Length))
            {
                await Queue.SendMessageAsync(new BinaryData(inline), null, TimeSpan.FromSeconds(-1), cancellationToken);
                continue;
            }

            var id = Keys.NewId("wh_");
            var chunks = part.Chunk(SpillChunkBytes).Select((bytes, i) => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new TableEntity(id, i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)) { ["Data"] = bytes })).ToList();
            await Bodies.SubmitTransactionAsync(chunks, cancellationToken);
            var pointer = Envelope(channel, receivedAt, "spill", JsonSerializer.SerializeToUtf8Bytes(id, WebhookJsonContext.Default.String));
            await Queue.SendMessageAsync(new BinaryData(pointer), null, TimeSpan.FromSeconds(-1), cancellationToken);
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

    /// <summary>
    /// Meta batches (<c>entry[]</c>) split into one body per entry when the whole is too big for a message. Each part
    /// carries the entry's original JSON text, not a re-serialization (which would escape every non-ASCII character
    /// as <c>\uXXXX</c>, up to three times its size, and push parts into the spill table).
    /// </summary>
    private List<byte[]> Split(ChannelKind channel, DateTimeOffset receivedAt, byte[] body)
    {
        if (Fits(EnvelopePrefix(channel, receivedAt, "body").Length + body.Length + 1) || channel is not (ChannelKind.Facebook or ChannelKind.Instagram))
        {
            return [body];
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entry", out var entries) ||
            entries.ValueKind != JsonValueKind.Array || entries.GetArrayLength() < 2)
        {
            return [body];
        }

        var kind = root.TryGetProperty("object", out var value) ? value.GetRawText() : "null";
        return [.. entries.EnumerateArray().Select(entry => Encoding.UTF8.GetBytes($"{{\"object\":{kind},\"entry\":[{entry.GetRawText()}]}}"))];
    }

    /// <summary>Whether a message of this many UTF-8 bytes fits on the queue once base64-encoded.</summary>
    private bool Fits(long messageBytes) => StorageClientFactory.EncodedLength(messageBytes) <= Queue.MessageMaxBytes;

    /// <summary><c>{"channel":…,"receivedAt":…,"field":json}</c> as UTF-8; the JSON is copied byte for byte.</summary>
    private static byte[] Envelope(ChannelKind channel, DateTimeOffset receivedAt, string field, byte[] json)
    {
        var prefix = EnvelopePrefix(channel, receivedAt, field);
        var message = new byte[prefix.Length + json.Length + 1];
        prefix.CopyTo(message, 0);
        json.CopyTo(message, prefix.Length);
        message[^1] = (byte)'}';
        return message;
    }

    private static byte[] EnvelopePrefix(ChannelKind channel, DateTimeOffset receivedAt, string field) =>
        Encoding.UTF8.GetBytes($"{{\"channel\":\"{channel.ToWireName()}\",\"receivedAt\":\"{receivedAt:O}\",\"{field}\":");
}
