using Harasocial.Testing;

namespace Harasocial.AzureStorage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SubmitTransaction_HundredAdds_AllApplied()
    {
        var table = await StorageTestClients.NewTableAsync(azurite);
        var actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i:D3}") { ["I"] = i }));

        var result = await table.SubmitTransactionAsync(actions);
        var stored = await table.QueryAsync<TableEntity>().ToListAsync();

        Assert.Equal(100, result.Value.Count);
        Assert.All(result.Value, r => Assert.Equal(204, r.Status));
        Assert.Equal(100, stored.Count);
    }

    [Fact]
    public async Task SubmitTransaction_MixedActions_AppliesEach()
    {
        var table = await StorageTestClients.NewTableAsync(azurite);
        await table.AddEntityAsync(new TableEntity("p", "merge") { ["A"] = 1, ["B"] = 1 });
        await table.AddEntityAsync(new TableEntity("p", "replace") { ["A"] = 1, ["B"] = 1 });
        await table.AddEntityAsync(new TableEntity("p", "delete"));
        var merge = (await table.GetEntityAsync<TableEntity>("p", "merge")).Value;

        await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "merge") { ["A"] = 2 }, merge.ETag),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "replace") { ["A"] = 2 }),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "um") { ["A"] = 3 }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "ur") { ["A"] = 4 }),
        ]);
        var rows = (await table.QueryAsync<TableEntity>().ToListAsync()).ToDictionary(e => e.RowKey);

        Assert.Equal(1, rows["merge"].GetInt32("B"));
        Assert.False(rows["replace"].ContainsKey("B"));
        Assert.False(rows.ContainsKey("delete"));
        Assert.Equal(3, rows["um"].GetInt32("A"));
        Assert.Equal(4, rows["ur"].GetInt32("A"));
    }

    [Fact]
    public async Task SubmitTransaction_AddExistingAtIndex37_ChangesNothingAndReportsIndex()
    {
        var table = await StorageTestClients.NewTableAsync(azurite);
        await table.AddEntityAsync(new TableEntity("p", "r037") { ["I"] = -1 });
        var actions = Enumerable.Range(0, 50)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i:D3}") { ["I"] = i }));

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(actions));
        var stored = await table.QueryAsync<TableEntity>().ToListAsync();

        Assert.Equal(37, ex.FailedTransactionActionIndex);
        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.Equal(-1, Assert.Single(stored).GetInt32("I"));
    }

    [Fact]
    public async Task SubmitTransaction_TooManyOrCrossPartitionOrEmpty_RejectedBeforeSending()
    {
        var table = StorageTestClients.Tables(azurite).GetTableClient("neverCreated");
        var tooMany = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}")));
        TableTransactionAction[] crossPartition =
        [
            new(TableTransactionActionType.Add, new TableEntity("p1", "r")),
            new(TableTransactionActionType.Add, new TableEntity("p2", "r")),
        ];

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(tooMany));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(crossPartition));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([]));
    }
}
