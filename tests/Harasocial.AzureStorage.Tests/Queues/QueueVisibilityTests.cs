using Harasocial.Testing;

namespace Harasocial.AzureStorage.Tests.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class QueueVisibilityTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SendMessage_VisibilityDelay_InvisibleUntilDelayPasses()
    {
        var queue = await StorageTestClients.NewQueueAsync(azurite);

        var sent = await queue.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromSeconds(2));
        var early = await queue.ReceiveMessagesAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var late = await queue.ReceiveMessagesAsync();

        Assert.True(sent.Value.TimeNextVisible >= sent.Value.InsertionTime.AddSeconds(2));
        Assert.Empty(early.Value);
        Assert.Equal("later", Assert.Single(late.Value).MessageText);
    }

    [Fact]
    public async Task SendMessage_SevenDayDelay_AcceptedAndEightRejected()
    {
        var queue = await StorageTestClients.NewQueueAsync(azurite);

        var sent = await queue.SendMessageAsync("timer", visibilityTimeout: TimeSpan.FromDays(7), timeToLive: TimeSpan.FromSeconds(-1));

        Assert.True(sent.Value.TimeNextVisible > DateTimeOffset.UtcNow.AddDays(6.9));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", TimeSpan.FromDays(8)));
    }

    [Fact]
    public async Task ReceiveMessages_AfterVisibilityTimeout_IncrementsDequeueCount()
    {
        var queue = await StorageTestClients.NewQueueAsync(azurite);
        await queue.SendMessageAsync("retry");

        var first = Assert.Single((await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(1))).Value);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var second = Assert.Single((await queue.ReceiveMessagesAsync()).Value);

        Assert.Equal(1, first.DequeueCount);
        Assert.Equal(2, second.DequeueCount);
        Assert.Equal(first.MessageId, second.MessageId);
    }

    [Fact]
    public async Task UpdateMessage_ContentAndVisibility_AppliesBoth()
    {
        var queue = await StorageTestClients.NewQueueAsync(azurite);
        await queue.SendMessageAsync("v1");
        var received = Assert.Single((await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromMinutes(5))).Value);

        var update = await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, "v2 <&>", TimeSpan.Zero);
        var again = Assert.Single((await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromMinutes(5))).Value);
        var hidden = await queue.UpdateMessageAsync(again.MessageId, again.PopReceipt, visibilityTimeout: TimeSpan.FromMinutes(5));
        var none = await queue.ReceiveMessagesAsync();
        await queue.DeleteMessageAsync(again.MessageId, hidden.Value.PopReceipt);

        Assert.NotEqual(received.PopReceipt, update.Value.PopReceipt);
        Assert.Equal("v2 <&>", again.MessageText);
        Assert.True(hidden.Value.NextVisibleOn > DateTimeOffset.UtcNow.AddMinutes(4));
        Assert.Empty(none.Value);
    }

    [Fact]
    public async Task PeekMessages_Repeated_DoesNotChangeDequeueCount()
    {
        var queue = await StorageTestClients.NewQueueAsync(azurite);
        await queue.SendMessageAsync("peek");

        await queue.PeekMessagesAsync();
        var peeked = Assert.Single((await queue.PeekMessagesAsync(32)).Value);
        var received = Assert.Single((await queue.ReceiveMessagesAsync()).Value);

        Assert.Equal(0, peeked.DequeueCount);
        Assert.Equal("peek", peeked.MessageText);
        Assert.Equal(1, received.DequeueCount);
    }
}
