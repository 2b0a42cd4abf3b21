using Harasocial.Testing;

namespace Harasocial.AzureStorage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class EdmTypeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TypedEntity_EveryEdmType_RoundTrips()
    {
        var table = await StorageTestClients.NewTableAsync(azurite);
        var entity = new AllTypesEntity
        {
            PartitionKey = "p",
            RowKey = "r",
            Text = "<tëxt> & 'quotes'",
            Int32Value = int.MinValue,
            Int64Value = (1L << 53) + 1,
            DoubleValue = 0.1 + 0.2,
            WholeDouble = 3.0,
            Bool = true,
            Date = new DateTimeOffset(2024, 2, 29, 23, 59, 58, TimeSpan.FromHours(2)).AddTicks(1234567),
            DateTime = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(7),
            GuidValue = Guid.NewGuid(),
            Bytes = [0, 1, 2, 255],
            Data = BinaryData.FromString("bin"),
            NullableInt = null,
            NullableLong = long.MaxValue,
            NullableGuid = null,
            Stage = Stage.Running,
        };

        await table.AddEntityAsync(entity);
        var got = (await table.GetEntityAsync<AllTypesEntity>("p", "r")).Value;

        Assert.Equal(entity.Text, got.Text);
        Assert.Equal(entity.Int32Value, got.Int32Value);
        Assert.Equal(entity.Int64Value, got.Int64Value);
        Assert.Equal(entity.DoubleValue, got.DoubleValue);
        Assert.Equal(3.0, got.WholeDouble);
        Assert.True(got.Bool);
        Assert.Equal(entity.Date, got.Date);
        Assert.Equal(entity.Date.UtcTicks, got.Date.UtcTicks);
        Assert.Equal(entity.DateTime, got.DateTime);
        Assert.Equal(entity.GuidValue, got.GuidValue);
        Assert.Equal(entity.Bytes, got.Bytes);
        Assert.Equal("bin", got.Data!.ToString());
        Assert.Null(got.NullableInt);
        Assert.Equal(long.MaxValue, got.NullableLong);
        Assert.Null(got.NullableGuid);
        Assert.Equal(Stage.Running, got.Stage);
    }

    [Fact]
    public async Task TableEntity_TypedValues_ReadBackWithEdmTypes()
    {
        var table = await StorageTestClients.NewTableAsync(azurite);
        var guid = Guid.NewGuid();
        var when = DateTimeOffset.UtcNow;
        await table.AddEntityAsync(new TableEntity("p", "r")
        {
            ["L"] = 9_007_199_254_740_993L,
            ["I"] = 7,
            ["D"] = 2.0,
            ["B"] = false,
            ["G"] = guid,
            ["T"] = when,
            ["X"] = new byte[] { 9, 8 },
            ["S"] = "s",
            ["N"] = null,
        });

        var got = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.IsType<long>(got["L"]);
        Assert.Equal(9_007_199_254_740_993L, got.GetInt64("L"));
        Assert.IsType<int>(got["I"]);
        Assert.IsType<double>(got["D"]);
        Assert.Equal(2.0, got.GetDouble("D"));
        Assert.False(got.GetBoolean("B"));
        Assert.Equal(guid, got.GetGuid("G"));
        Assert.Equal(when, got.GetDateTimeOffset("T"));
        Assert.Equal(new byte[] { 9, 8 }, got.GetBinary("X"));
        Assert.Equal("s", got.GetString("S"));
        Assert.Null(got.GetString("N"));
        Assert.False(got.ContainsKey("N"));
    }
}
