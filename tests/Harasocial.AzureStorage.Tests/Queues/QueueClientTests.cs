using Azure;
using Harasocial.Testing;

namespace Harasocial.AzureStorage.Tests.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class QueueClientTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task QueueLifecycle_CreateTwiceThenDeleteTwice_ReportsExistence()
    {
        var queue = StorageTestClients.Queues(azurite).GetQueueClient(azurite.UniqueName("life"));

        await queue.CreateIfNotExistsAsync();
        await queue.CreateIfNotExistsAsync();
        var deleted = await queue.DeleteIfExistsAsync();
        var again = await queue.DeleteIfExistsAsync();

        Assert.True(deleted.Value);
        Assert.False(again.Value);
    }

    [Fact]
    public async Task SendReceiveDelete_OneMessage_RoundTripsAndEmptiesQueue()
    {
        var queue = await StorageTestClients.NewQueueAsync(azurite);

        var sent = await queue.SendMessageAsync("hello");
        var received = Assert.Single((await queue.ReceiveMessagesAsync()).Value);
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        var after = await queue.ReceiveMessagesAsync(32);

        Assert.Equal(sent.Value.MessageId, received.MessageId);
        Assert.Equal("hello", received.MessageText);
        Assert.Equal("hello", received.Body.ToString());
        Assert.Equal(1, received.DequeueCount);
        Assert.True(sent.Value.ExpirationTime > sent.Value.InsertionTime);
        Assert.Empty(after.Value);
    }

    [Fact]
    public async Task SendMessage_XmlSpecialCharactersAndUnicode_RoundTripExactly()
    {
        var queue = await StorageTestClients.NewQueueAsync(azurite);
        const string text = "<a href=\"x\">&amp; 'q' ]]> \r\n\t tab ünï 日本 😀</a>  ";

        await queue.SendMessageAsync(text);
        var received = Assert.Single((await queue.ReceiveMessagesAsync()).Value);

        Assert.Equal(text, received.MessageText);
    }

    [Fact]
    public async Task SendMessage_TimeToLiveMinusOne_NeverExpires()
    {
        var queue = await StorageTestClients.NewQueueAsync(azurite);

        var sent = await queue.SendMessageAsync("forever", timeToLive: TimeSpan.FromSeconds(-1));

        Assert.Equal(9999, sent.Value.ExpirationTime.Year);
    }

    [Fact]
    public async Task SendMessage_OverLimitOnceEscaped_ThrowsArgumentException()
    {
        var queue = StorageTestClients.Queues(azurite).GetQueueClient("unused");
        var fits = new string('a', QueueClient.MessageMaxBytes);
        var escapedTooBig = new string('&', (QueueClient.MessageMaxBytes / 5) + 1);

        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(fits + "a"));
        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(escapedTooBig));
    }

    [Fact]
    public async Task SendMessage_ExactlyAtLimit_IsAccepted()
    {
        var queue = await StorageTestClients.NewQueueAsync(azurite);

        await queue.SendMessageAsync(new string('a', QueueClient.MessageMaxBytes));
        var received = Assert.Single((await queue.ReceiveMessagesAsync()).Value);

        Assert.Equal(QueueClient.MessageMaxBytes, received.MessageText.Length);
    }

    [Fact]
    public async Task ReceiveMessages_ThirtyTwo_ReturnsAllAndCountsApproximately()
    {
        var queue = await StorageTestClients.NewQueueAsync(azurite);
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => queue.SendMessageAsync($"m{i}")));

        var count = await queue.GetPropertiesAsync();
        var received = await queue.ReceiveMessagesAsync(32);

        Assert.Equal(40, count.Value.ApproximateMessagesCount);
        Assert.Equal(32, received.Value.Length);
        Assert.Equal(32, received.Value.Select(m => m.MessageId).Distinct().Count());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(33));
    }

    [Fact]
    public async Task ClearMessages_Filled_EmptiesQueue()
    {
        var queue = await StorageTestClients.NewQueueAsync(azurite);
        await queue.SendMessageAsync("a");
        await queue.SendMessageAsync("b");

        await queue.ClearMessagesAsync();

        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task DeleteMessage_BadPopReceipt_ThrowsClientError()
    {
        var queue = await StorageTestClients.NewQueueAsync(azurite);
        await queue.SendMessageAsync("a");
        var received = Assert.Single((await queue.ReceiveMessagesAsync()).Value);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(
            () => queue.DeleteMessageAsync(received.MessageId, "AAAAAAAAAAAAAAAAAAAAAA+/=="));

        Assert.InRange(ex.Status, 400, 499);
        Assert.False(string.IsNullOrEmpty(ex.ErrorCode));
    }

    [Fact]
    public async Task GetProperties_MissingQueue_Throws404QueueNotFound()
    {
        var queue = StorageTestClients.Queues(azurite).GetQueueClient(azurite.UniqueName("missing"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => queue.GetPropertiesAsync());

        Assert.Equal(404, ex.Status);
        Assert.Equal("QueueNotFound", ex.ErrorCode);
    }
}
