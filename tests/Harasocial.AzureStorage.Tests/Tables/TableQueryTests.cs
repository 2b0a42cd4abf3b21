using Harasocial.Testing;

namespace Harasocial.AzureStorage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableQueryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Query_MoreThanOneThousandEntities_FollowsContinuation()
    {
        var table = await StorageTestClients.NewTableAsync(azurite);
        for (var batch = 0; batch < 11; batch++)
        {
            var actions = Enumerable.Range(0, 100).Select(i => new TableTransactionAction(
                TableTransactionActionType.Add, new JobEntity { PartitionKey = "p", RowKey = $"{batch:D2}-{i:D3}", Count = i }));
            await table.SubmitTransactionAsync(actions);
        }

        var pages = await table.QueryAsync<JobEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"p"}")).AsPages().ToListAsync();
        var all = await table.QueryAsync<JobEntity>().ToListAsync();

        Assert.True(pages.Count >= 2);
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Equal(1100, pages.Sum(p => p.Values.Count));
        Assert.Equal(1100, all.Select(e => e.RowKey).Distinct().Count());
    }

    [Fact]
    public async Task Query_MaxPerPageAndSelect_LimitsPagesAndColumns()
    {
        var table = await StorageTestClients.NewTableAsync(azurite);
        for (var i = 0; i < 5; i++)
        {
            await table.AddEntityAsync(new JobEntity { PartitionKey = "p", RowKey = $"r{i}", Name = $"n{i}", Count = i, Extra = "x" });
        }

        var pages = await table.QueryAsync<JobEntity>(maxPerPage: 2, select: ["Name", "Count"]).AsPages().ToListAsync();
        var first = pages[0].Values[0];

        Assert.Equal([2, 2, 1], pages.Select(p => p.Values.Count));
        Assert.Equal("n0", first.Name);
        Assert.Null(first.Extra);
        Assert.False(first.ETag == default);
    }

    [Fact]
    public async Task Query_FilterValueWithInjection_ReturnsNothingExtra()
    {
        var table = await StorageTestClients.NewTableAsync(azurite);
        await table.AddEntityAsync(new JobEntity { PartitionKey = "p", RowKey = "a", Name = "it's" });
        await table.AddEntityAsync(new JobEntity { PartitionKey = "p", RowKey = "b", Name = "other" });

        var injected = await table.QueryAsync<JobEntity>(TableClient.CreateQueryFilter($"Name eq {"x' or 1 eq 1 or Name eq '"}")).ToListAsync();
        var injected2 = await table.QueryAsync<JobEntity>(TableClient.CreateQueryFilter($"RowKey eq {"' or 1 eq 1"}")).ToListAsync();
        var quoted = await table.QueryAsync<JobEntity>(TableClient.CreateQueryFilter($"Name eq {"it's"}")).ToListAsync();

        Assert.Empty(injected);
        Assert.Empty(injected2);
        Assert.Equal("a", Assert.Single(quoted).RowKey);
    }

    [Fact]
    public async Task Query_TypedFilterValues_MatchStoredTypes()
    {
        var table = await StorageTestClients.NewTableAsync(azurite);
        var guid = Guid.NewGuid();
        var date = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["L"] = 1L << 40, ["G"] = guid, ["T"] = date, ["D"] = 2.0, ["B"] = true, ["X"] = new byte[] { 0xAB } });

        var filter = TableClient.CreateQueryFilter(
            $"L eq {1L << 40} and G eq {guid} and T eq {date} and D eq {2.0} and B eq {true} and X eq {new byte[] { 0xAB }}");
        var found = await table.QueryAsync<TableEntity>(filter).ToListAsync();

        Assert.Single(found);
    }

    [Fact]
    public void CreateQueryFilter_EachType_FormatsODataLiteral()
    {
        var guid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var date = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(1));

        var filter = TableClient.CreateQueryFilter(
            $"S eq {"o'k"} and L eq {5L} and I eq {5} and D eq {1.5} and W eq {2.0} and B eq {false} and G eq {guid} and T eq {date} and X eq {new byte[] { 1, 255 }}");

        Assert.Equal(
            "S eq 'o''k' and L eq 5L and I eq 5 and D eq 1.5 and W eq 2.0 and B eq false and " +
            "G eq guid'0f8fad5b-d9cb-469f-a165-70867728950e' and T eq datetime'2024-01-02T02:04:05.0000000Z' and X eq X'01ff'",
            filter);
    }
}
