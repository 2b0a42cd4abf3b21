using Harasocial.AzureStorage;
using Harasocial.Functions.Functions;
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
        var queue = await QueueAsync(app.Prefix + QueueName);

        await queue.SendMessageAsync("""{"n":1}""");
        await Eventually.TrueAsync(() => recorder.Messages.Count == 1 && Count(queue) == 0);

        Assert.Equal("""{"n":1}""", Assert.Single(recorder.Messages).Text);
    }

    [Fact]
    public async Task Listener_HandlerAlwaysFails_FiveAttemptsThenPoisonQueue()
    {
        var recorder = new Recorder { OnMessage = _ => throw new InvalidOperationException("channel says no") };
        await using var app = NewApp(recorder);
        _ = app.Server;
        var queue = await QueueAsync(app.Prefix + QueueName);
        var poison = await QueueAsync(app.Prefix + QueueName + "-poison");

        await queue.SendMessageAsync("doomed");
        await Eventually.TrueAsync(() => Count(poison) == 1, TimeSpan.FromSeconds(60));

        Assert.Equal([1L, 2, 3, 4, 5], recorder.Messages.Select(m => m.Context.DequeueCount).Order());
        Assert.Equal("doomed", (await poison.PeekMessagesAsync(1)).Value.Single().MessageText);
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
        var queue = await QueueAsync(first.Prefix + QueueName);

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

    private async Task<QueueClient> QueueAsync(string name)
    {
        var queue = new QueueServiceClient(azurite.ConnectionString).GetQueueClient(name);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    private static int Count(QueueClient queue) => queue.GetPropertiesAsync().GetAwaiter().GetResult().Value.ApproximateMessagesCount;
}
