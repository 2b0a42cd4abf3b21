using Harasocial.Sync.Channels;
using Harasocial.Sync.Storage;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class PostStoreTests(AzuriteFixture azurite)
{
    /// <summary>Comment ids are platform strings in a query filter (<c>TableClient.CreateQueryFilter</c>): quotes stay part of the value.</summary>
    [Fact]
    public async Task DeleteCommentAsync_IdsWithQuotesOrInjection_OnlyThatCommentDeleted()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var store = new PostStore(storage.Tables, storage.Names);
        var at = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        await store.SaveCommentsAsync("cn_1", new[] { "it's", "o''k", "plain" }.Select((id, i) => new ChannelComment(id, "post'1", null, "hi", "a", "A", at.AddMinutes(i))), CancellationToken.None);

        await store.DeleteCommentAsync("cn_1", "post'1", "x' or 1 eq 1 or ExternalId eq '", CancellationToken.None);
        var afterInjection = await store.ListCommentsAsync("cn_1", "post'1", 100, CancellationToken.None);
        await store.DeleteCommentAsync("cn_1", "post'1", "it's", CancellationToken.None);
        var afterDelete = await store.ListCommentsAsync("cn_1", "post'1", 100, CancellationToken.None);

        Assert.Equal(3, afterInjection.Count);
        Assert.Equal(["o''k", "plain"], afterDelete.Select(c => c.ExternalId).Order(StringComparer.Ordinal));
    }
}
