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
        await store.SaveCommentsAsync("cn_1", new[] { "it's", "o''k", "plain" }.Select((id, i) => new ChannelComment(id, "post'1", null, "hi", "a", "A", at.AddMinutes(i))), "job-1", CancellationToken.None);

        await store.DeleteCommentAsync("cn_1", "post'1", "x' or 1 eq 1 or ExternalId eq '", CancellationToken.None);
        var afterInjection = await store.ListCommentsAsync("cn_1", "post'1", 100, CancellationToken.None);
        await store.DeleteCommentAsync("cn_1", "post'1", "it's", CancellationToken.None);
        var afterDelete = await store.ListCommentsAsync("cn_1", "post'1", 100, CancellationToken.None);

        Assert.Equal(3, afterInjection.Count);
        Assert.Equal(["o''k", "plain"], afterDelete.Select(c => c.ExternalId).Order(StringComparer.Ordinal));
    }

    /// <summary>A row counts for the write that created it: a second job's save counts none of the first job's rows, a
    /// re-run of the same job counts its own rows again, and an update keeps the row's creator.</summary>
    [Fact]
    public async Task SaveComments_SecondJobCountsNothing_SameJobAgainCountsItsOwn_CreatorKept()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var store = new PostStore(storage.Tables, storage.Names);
        var comments = Comments(5, "p1");

        Assert.Equal(5, await store.SaveCommentsAsync("cn_1", comments, "job-1", CancellationToken.None));
        Assert.Equal(5, await store.SaveCommentsAsync("cn_1", comments, "job-1", CancellationToken.None));
        Assert.Equal(1, await store.SaveCommentsAsync("cn_1", [.. comments.Select(c => c with { Text = "edited" }), .. Comments(1, "p1", from: 5)], "job-2", CancellationToken.None));

        var rows = await storage.RowsAsync(StorageNames.CommentsTable, PostStore.CommentPartition("cn_1", "p1"));
        Assert.Equal(6, rows.Count);
        Assert.Equal(5, rows.Count(r => r.GetString("WrittenBy") == "job-1" && r.GetString("Text") == "edited"));
    }

    /// <summary>The newest N across posts stay; a job deletes only its own rows beyond them, and says the same however often it runs.</summary>
    [Fact]
    public async Task KeepNewestComments_DeletesOnlyTheJobsRowsBeyondTheLimit_SameAnswerWhenRunAgain()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var store = new PostStore(storage.Tables, storage.Names);
        await store.SaveCommentsAsync("cn_1", Comments(4, "p1"), "job-1", CancellationToken.None);   // the 4 oldest
        await store.SaveCommentsAsync("cn_1", Comments(6, "p2", from: 4), "job-2", CancellationToken.None);

        var first = await store.KeepNewestCommentsAsync("cn_1", ["p1", "p2"], 5, "job-2", CancellationToken.None);
        var again = await store.KeepNewestCommentsAsync("cn_1", ["p1", "p2"], 5, "job-2", CancellationToken.None);

        Assert.Equal((5, 5), first);
        Assert.Equal(first, again);
        Assert.Equal(4, (await store.ListCommentsAsync("cn_1", "p1", 100, CancellationToken.None)).Count);
        Assert.Equal(5, (await store.ListCommentsAsync("cn_1", "p2", 100, CancellationToken.None)).Count);
    }

    private static List<ChannelComment> Comments(int count, string post, int from = 0) =>
    [
        .. Enumerable.Range(from, count).Select(i => new ChannelComment(
            $"c_{i:D3}", post, null, $"bình luận {i}", "a", "A", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i))),
    ];
}
