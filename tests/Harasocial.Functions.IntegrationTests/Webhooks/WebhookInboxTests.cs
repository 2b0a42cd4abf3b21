using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Harasocial.ChannelSimulator;
using Harasocial.Sync.Channels;
using Harasocial.Functions.IntegrationTests.Realtime;
using Harasocial.Functions.IntegrationTests.Storage;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Webhooks;
using Harasocial.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests.Webhooks;

/// <summary>
/// Inline or spilled is decided on the message the queue stores (base64 of the envelope, 64 KiB at most), so no body
/// the intake accepts can fail the put: whatever its characters, it fits inline or goes to the table.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebhookInboxTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task StoreAsync_AmpersandBodyAtTheInlineLimit_QueuedInlineAndReadBackExactly()
    {
        var (inbox, queue) = await InboxAsync();
        var body = Padded("""{"event_name":"user_send_text","pad":"}""", "\"}", '&', inbox.MaxInlineBytes(ChannelKind.Zalo));

        await inbox.StoreAsync(ChannelKind.Zalo, body, CancellationToken.None);
        var envelope = Assert.Single(await QueuedAsync(queue));

        Assert.Null(envelope.Spill);
        Assert.Equal(body, (await inbox.ReadAsync(envelope, CancellationToken.None)).Body);
    }

    [Fact]
    public async Task StoreAsync_AmpersandBodyOneByteOverTheLimit_SpilledAndReadBackExactly()
    {
        var (inbox, queue) = await InboxAsync();
        var body = Padded("""{"event_name":"user_send_text","pad":"}""", "\"}", '&', inbox.MaxInlineBytes(ChannelKind.Zalo) + 1);

        await inbox.StoreAsync(ChannelKind.Zalo, body, CancellationToken.None);
        var envelope = Assert.Single(await QueuedAsync(queue));
        var (read, spill) = await inbox.ReadAsync(envelope, CancellationToken.None);

        Assert.NotNull(envelope.Spill);
        Assert.Equal(body, read);
        Assert.Equal(envelope.Spill, spill);
    }

    /// <summary>20,000 characters is far below 48 Ki characters, but 60,000 bytes of UTF-8: it must spill, not fail the put.</summary>
    [Fact]
    public async Task StoreAsync_MultiByteBodyUnderTheLimitInCharacters_SpilledAndReadBackExactly()
    {
        var (inbox, queue) = await InboxAsync();
        var body = Encoding.UTF8.GetBytes($$$"""{"event_name":"user_send_text","message":{"text":"{{{new string('ệ', 20_000)}}}"}}""");

        await inbox.StoreAsync(ChannelKind.Shopee, body, CancellationToken.None);
        var envelope = Assert.Single(await QueuedAsync(queue));
        var (read, spill) = await inbox.ReadAsync(envelope, CancellationToken.None);
        await inbox.DeleteSpillAsync(spill!, CancellationToken.None);

        Assert.NotNull(envelope.Spill);
        Assert.Equal(body, read);
        await Assert.ThrowsAsync<InvalidOperationException>(() => inbox.ReadAsync(envelope, CancellationToken.None));
    }

    [Fact]
    public async Task StoreAsync_MetaBatchTooBigForOneMessage_OneInlineMessagePerEntry()
    {
        var (inbox, queue) = await InboxAsync();
        var entry = (int i) => $$$"""{"id":"p1","time":{{{i}}},"messaging":[{"message":{"mid":"m{{{i}}}","text":"{{{new string('ơ', 10_000)}}}"}}]}""";
        var body = Encoding.UTF8.GetBytes($$"""{"object":"page","entry":[{{entry(1)}},{{entry(2)}},{{entry(3)}}]}""");

        await inbox.StoreAsync(ChannelKind.Facebook, body, CancellationToken.None);
        var envelopes = await QueuedAsync(queue);

        Assert.Equal(3, envelopes.Count);
        Assert.All(envelopes, e => Assert.Null(e.Spill));
        Assert.Equal(
            ["m1", "m2", "m3"],
            envelopes.Select(e => JsonNode.Parse(e.Body!.Value.GetRawText())!["entry"]![0]!["messaging"]![0]!["message"]!["mid"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    /// <summary>Through the intake and the queue trigger: bodies at and over the inline limit are accepted (200) and applied.</summary>
    [Fact]
    public async Task Webhook_BodiesAtAndOverTheInlineLimit_AcceptedAndApplied()
    {
        const string page = "6660077";
        var shop = Scenario.Parse($$"""
            { "seed": 62, "rateLimits": { "graphConversationCallsPerSecond": 0 },
              "accounts": [ { "channel": "facebook", "id": "{{page}}", "accessToken": "fb-t", "threads": [ { "count": 1, "ageDays": [0, 1], "messages": 1 } ] } ] }
            """);
        await using var harness = await SyncHarness.StartAsync(azurite, shop);
        var (connection, job) = await harness.ConnectAsync("facebook", page, "fb-t");
        await harness.WaitForJobAsync(job);
        var limit = harness.App.Services.GetRequiredService<WebhookInbox>().MaxInlineBytes(ChannelKind.Facebook);
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        var atLimit = Pad(WebhookPoster.MessageBody(page, "880001", "m_amp", "ampersands", at), '&', limit);
        var overLimit = Pad(WebhookPoster.MessageBody(page, "880002", "m_multi", "nhiều byte", at), 'ệ', limit + 2);

        using var first = await WebhookPoster.PostMetaAsync(harness.Client, atLimit);
        using var second = await WebhookPoster.PostMetaAsync(harness.Client, overLimit);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await Eventually.TrueAsync(async () =>
        {
            var stored = await harness.Stored(connection).MessagesByCustomerAsync();
            return stored.GetValueOrDefault("880001") == 1 && stored.GetValueOrDefault("880002") == 1;
        });
        Assert.Contains("webhooks-poison: 0 messages", await harness.QueueReportAsync(), StringComparison.Ordinal);
    }

    private async Task<(WebhookInbox Inbox, QueueClient Queue)> InboxAsync()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var queue = storage.Clients.Queues.GetQueueClient(storage.Names.Queue(StorageNames.WebhooksQueue));
        await queue.CreateIfNotExistsAsync();
        return (new WebhookInbox(storage.Clients.Queues, storage.Tables, storage.Names, TimeProvider.System), queue);
    }

    private static async Task<List<WebhookEnvelope>> QueuedAsync(QueueClient queue) =>
    [
        .. (await queue.PeekMessagesAsync(32)).Value.Select(m => JsonSerializer.Deserialize(m.Body.ToString(), WebhookJsonContext.Default.WebhookEnvelope)!),
    ];

    /// <summary><paramref name="head"/> + padding + <paramref name="tail"/>, exactly <paramref name="bytes"/> bytes of UTF-8.</summary>
    private static byte[] Padded(string head, string tail, char pad, int bytes) =>
        Encoding.UTF8.GetBytes(head + new string(pad, bytes - Encoding.UTF8.GetByteCount(head + tail)) + tail);

    /// <summary>A Meta body with a <c>pad</c> field of <paramref name="pad"/> characters making it at least <paramref name="bytes"/> bytes.</summary>
    private static string Pad(string body, char pad, int bytes)
    {
        var head = body[..^1] + ",\"pad\":\"";
        var room = bytes - Encoding.UTF8.GetByteCount(head + "\"}");
        var padding = new string(pad, (room + Encoding.UTF8.GetByteCount([pad]) - 1) / Encoding.UTF8.GetByteCount([pad]));
        return head + padding + "\"}";
    }
}
