using Azure;
using Azure.Storage.Queues;
using Harasocial.Sync.Functions;
using Harasocial.Functions.IntegrationTests.Functions;
using Harasocial.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests.Hosting;

[Collection(AzuriteCollection.Name)]
public sealed class QueueListenerTests(AzuriteFixture azurite)
{
    private const string QueueName = "test-queue";

    [Fact]
    public async Task Listener_HandlerSucceeds_MessageRunOnceAndDeleted()
    {
        var recorder = new Recorder();
        await using var app = NewApp(recorder);
        _ = app.Server;
        var queue = await QueueAsync(app, app.Prefix + QueueName);

        await queue.SendMessageAsync("""{"n":1}""");
        await Eventually.TrueAsync(() => recorder.Messages.Count == 1 && Count(queue) == 0);

        Assert.Equal("""{"n":1}""", Assert.Single(recorder.Messages).Text);
    }

    /// <summary>
    /// What the app's own writers put on a queue (base64, as the Functions trigger reads it) comes back to the handler
    /// exactly: markup and XML specials, non-ASCII and emoji, control characters, and the largest body a message holds.
    /// </summary>
    [Fact]
    public async Task Listener_MessagesFromTheAppsWriters_ReadBackExactly()
    {
        var recorder = new Recorder();
        await using var app = NewApp(recorder);
        _ = app.Server;
        var queue = await QueueAsync(app, app.Prefix + QueueName);
        var largest = 3 * (queue.MessageMaxBytes / 4); // 48 KiB of UTF-8 is 64 KiB of base64
        var texts = new[]
        {
            "<a href=\"x\">&amp; 'q' ]]> \r\n\t tab</a>  ",
            "Shop ơi, mẫu này còn size M không? 日本 😀",
            new string('ệ', largest / 3),                    // 3 bytes each: exactly at the limit
            new string('&', largest - 2) + "ø",               // 2-byte character last: exactly at the limit
        };

        foreach (var text in texts)
        {
            await queue.SendMessageAsync(text);
        }

        await Eventually.TrueAsync(() => recorder.Messages.Count == texts.Length && Count(queue) == 0);

        Assert.Equal(texts.Order(StringComparer.Ordinal), recorder.Messages.Select(m => m.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SendMessage_OneByteOverTheEncodedLimit_RejectedBy413()
    {
        await using var app = NewApp(new Recorder());
        var queue = await QueueAsync(app, app.Prefix + QueueName);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendMessageAsync(new string('a', (3 * (queue.MessageMaxBytes / 4)) + 1)));

        Assert.Equal(413, ex.Status);
    }

    /// <summary>A plain-text message (not base64) does not block the queue: it moves unchanged to the poison queue.</summary>
    [Fact]
    public async Task Listener_MessageNotBase64_MovedUnchangedToPoisonAndOthersRun()
    {
        var recorder = new Recorder();
        await using var app = NewApp(recorder);
        _ = app.Server;
        var queue = await QueueAsync(app, app.Prefix + QueueName);
        var poison = await QueueAsync(app, app.Prefix + QueueName + "-poison");
        var plain = new QueueClient(azurite.ConnectionString, queue.Name);

        await plain.SendMessageAsync("{\"written\":\"as plain text\"}");
        await queue.SendMessageAsync("after it");
        await Eventually.TrueAsync(() => Count(poison) == 1 && recorder.Messages.Count == 1 && Count(queue) == 0);

        Assert.Equal("after it", Assert.Single(recorder.Messages).Text);
        var moved = new QueueClient(azurite.ConnectionString, poison.Name);
        Assert.Equal("{\"written\":\"as plain text\"}", (await moved.PeekMessagesAsync(1)).Value.Single().Body.ToString());
    }

    [Fact]
    public async Task Listener_HandlerAlwaysFails_FiveAttemptsThenPoisonQueue()
    {
        var recorder = new Recorder { OnMessage = _ => throw new InvalidOperationException("channel says no") };
        await using var app = NewApp(recorder);
        _ = app.Server;
        var queue = await QueueAsync(app, app.Prefix + QueueName);
        var poison = await QueueAsync(app, app.Prefix + QueueName + "-poison");

        await queue.SendMessageAsync("doomed ü");
        await Eventually.TrueAsync(() => Count(poison) == 1, TimeSpan.FromSeconds(60));

        Assert.Equal([1L, 2, 3, 4, 5], recorder.Messages.Select(m => m.Context.DequeueCount).Order());
        Assert.Equal("doomed ü", (await poison.PeekMessagesAsync(1)).Value.Single().Body.ToString());
        await Eventually.TrueAsync(() => Count(queue) == 0);
    }

    [Fact]
    public async Task TwoInstances_OneQueue_EachMessageHandledOnceNeverConcurrently()
    {
        var recorder = new Recorder { OnMessage = _ => Task.Delay(100) };
        await using var first = NewApp(recorder);
        await using var second = NewApp(recorder, first.Prefix);
        _ = first.Server;
        _ = second.Server;
        var queue = await QueueAsync(first, first.Prefix + QueueName);

        var texts = Enumerable.Range(0, 40).Select(i => $"m{i}").ToArray();
        await Task.WhenAll(texts.Select(t => queue.SendMessageAsync(t)));
        await Eventually.TrueAsync(() => recorder.Messages.Count >= texts.Length && Count(queue) == 0, TimeSpan.FromSeconds(60));
        await Task.Delay(500);

        Assert.Equal(texts.Order(StringComparer.Ordinal), recorder.Messages.Select(m => m.Text).Order(StringComparer.Ordinal));
        Assert.Equal(1, recorder.MaxConcurrentPerMessage);
        Assert.True(recorder.MaxRunning > 1, "messages ran concurrently across the batch");
    }

    private AppFactory NewApp(Recorder recorder, string? prefix = null) => new(azurite, prefix, s =>
    {
        s.AddSingleton(recorder);
        s.AddFunction(QueueFunction.For<RecordingQueueHandler>("TestQueue", QueueName));
    });

    /// <summary>The queue as the app writes to it: through the app's own queue service client.</summary>
    private static async Task<QueueClient> QueueAsync(AppFactory app, string name)
    {
        var queue = app.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(name);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    private static int Count(QueueClient queue) => queue.GetPropertiesAsync().GetAwaiter().GetResult().Value.ApproximateMessagesCount;
}
