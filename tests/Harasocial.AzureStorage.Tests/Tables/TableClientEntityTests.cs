using Azure;
using Harasocial.Testing;

namespace Harasocial.AzureStorage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableClientEntityTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TableLifecycle_CreateTwiceThenDelete_SucceedsAndTableIsGone()
    {
        var service = StorageTestClients.Tables(azurite);
        var name = azurite.UniqueName("life");

        await service.CreateTableIfNotExistsAsync(name);
        var again = await service.CreateTableIfNotExistsAsync(name);
        await service.DeleteTableAsync(name);
        var ex = await Assert.ThrowsAsync<RequestFailedException>(
            () => service.GetTableClient(name).AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(409, again.Status);
        Assert.Equal(404, ex.Status);
        Assert.Equal("TableNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task AddEntity_ThenGet_ReturnsValuesAndETag()
    {
        var table = await StorageTestClients.NewTableAsync(azurite);
        var added = await table.AddEntityAsync(new JobEntity { PartitionKey = "p", RowKey = "r", Name = "one", Count = 1 });

        var got = await table.GetEntityAsync<JobEntity>("p", "r");

        Assert.Equal("one", got.Value.Name);
        Assert.Equal(1, got.Value.Count);
        Assert.Equal(added.Headers.ETag, got.Value.ETag);
        Assert.NotNull(got.Value.Timestamp);
    }

    [Fact]
    public async Task AddEntity_Existing_Throws409EntityAlreadyExists()
    {
        var table = await StorageTestClients.NewTableAsync(azurite);
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
    }

    [Fact]
    public async Task GetEntity_Missing_Throws404AndIfExistsHasNoValue()
    {
        var table = await StorageTestClients.NewTableAsync(azurite);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("p", "nope"));
        var maybe = await table.GetEntityIfExistsAsync<TableEntity>("p", "nope");

        Assert.Equal(404, ex.Status);
        Assert.Equal("ResourceNotFound", ex.ErrorCode);
        Assert.False(maybe.HasValue);
    }

    [Fact]
    public async Task UpsertEntity_MergeVersusReplace_KeepsOrDropsOtherProperties()
    {
        var table = await StorageTestClients.NewTableAsync(azurite);
        await table.UpsertEntityAsync(new TableEntity("p", "m") { ["A"] = 1, ["B"] = "b" });
        await table.UpsertEntityAsync(new TableEntity("p", "x") { ["A"] = 1, ["B"] = "b" });

        await table.UpsertEntityAsync(new TableEntity("p", "m") { ["A"] = 2 }, TableUpdateMode.Merge);
        await table.UpsertEntityAsync(new TableEntity("p", "x") { ["A"] = 2 }, TableUpdateMode.Replace);
        var merged = (await table.GetEntityAsync<TableEntity>("p", "m")).Value;
        var replaced = (await table.GetEntityAsync<TableEntity>("p", "x")).Value;

        Assert.Equal(2, merged.GetInt32("A"));
        Assert.Equal("b", merged.GetString("B"));
        Assert.Equal(2, replaced.GetInt32("A"));
        Assert.False(replaced.ContainsKey("B"));
    }

    [Fact]
    public async Task UpdateEntity_StaleETag_Throws412AndCurrentETagSucceeds()
    {
        var table = await StorageTestClients.NewTableAsync(azurite);
        await table.AddEntityAsync(new JobEntity { PartitionKey = "p", RowKey = "r", Count = 1 });
        var first = (await table.GetEntityAsync<JobEntity>("p", "r")).Value;
        first.Count = 2;
        await table.UpdateEntityAsync(first, first.ETag, TableUpdateMode.Replace);

        first.Count = 3;
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(first, first.ETag));
        var current = (await table.GetEntityAsync<JobEntity>("p", "r")).Value;
        current.Count = 4;
        await table.UpdateEntityAsync(current, current.ETag);

        Assert.Equal(412, ex.Status);
        Assert.Equal("UpdateConditionNotSatisfied", ex.ErrorCode);
        Assert.Equal(4, (await table.GetEntityAsync<JobEntity>("p", "r")).Value.Count);
    }

    [Fact]
    public async Task UpdateEntity_Missing_Throws404()
    {
        var table = await StorageTestClients.NewTableAsync(azurite);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r"), ETag.All));

        Assert.Equal(404, ex.Status);
    }

    [Fact]
    public async Task DeleteEntity_WithStaleETagThenAny_Throws412ThenDeletes()
    {
        var table = await StorageTestClients.NewTableAsync(azurite);
        var added = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", added.Headers.ETag!.Value));
        await table.DeleteEntityAsync("p", "r");
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r"));

        Assert.Equal(412, ex.Status);
        Assert.Equal(404, missing.Status);
    }

    [Theory]
    [InlineData("it's", "o'clock")]
    [InlineData("with space", "  lead and trail  ")]
    [InlineData("ünïcödé 日本", "emoji 😀")]
    [InlineData("100%", "a+b=c&d")]
    [InlineData("''", "(x,y)='z'")]
    public async Task Keys_OddCharacters_GetUpdateDeleteWork(string partitionKey, string rowKey)
    {
        var table = await StorageTestClients.NewTableAsync(azurite);
        await table.AddEntityAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 1 });

        var got = (await table.GetEntityAsync<TableEntity>(partitionKey, rowKey)).Value;
        got["V"] = 2;
        await table.UpdateEntityAsync(got, got.ETag);
        var updated = (await table.GetEntityAsync<TableEntity>(partitionKey, rowKey)).Value;
        await table.DeleteEntityAsync(partitionKey, rowKey, updated.ETag);

        Assert.Equal(partitionKey, got.PartitionKey);
        Assert.Equal(rowKey, got.RowKey);
        Assert.Equal(2, updated.GetInt32("V"));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey)).HasValue);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b")]
    public async Task Keys_DisallowedCharacters_ThrowArgumentException(string key)
    {
        var table = StorageTestClients.Tables(azurite).GetTableClient("unused");

        await Assert.ThrowsAnyAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", key)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => table.GetEntityAsync<TableEntity>(key, "r"));
    }
}
