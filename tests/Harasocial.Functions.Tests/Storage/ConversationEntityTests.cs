using System.Reflection;
using Harasocial.Sync.Storage;

namespace Harasocial.Functions.Tests.Storage;

public sealed class ConversationEntityTests
{
    private static readonly string[] Keys = [nameof(ConversationEntity.PartitionKey), nameof(ConversationEntity.RowKey), nameof(ConversationEntity.Timestamp), nameof(ConversationEntity.ETag)];

    [Fact]
    public void SameContentAs_Copy_True()
    {
        var row = Sample();
        Assert.True(row.CopyAs("other-key").SameContentAs(row));
    }

    /// <summary>A save skips rows whose content did not change: a data field left out of the comparison would lose writes.</summary>
    [Fact]
    public void SameContentAs_EveryDataFieldChanged_False()
    {
        foreach (var property in typeof(ConversationEntity).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && !Keys.Contains(p.Name)))
        {
            var stored = Sample();
            var changed = Sample();
            property.SetValue(changed, Different(property.PropertyType, property.GetValue(stored)));

            Assert.False(changed.SameContentAs(stored), $"{property.Name} is not compared");
        }
    }

    private static object? Different(Type type, object? value) => type switch
    {
        _ when type == typeof(string) => (string?)value + "x",
        _ when type == typeof(DateTimeOffset) => ((DateTimeOffset)value!).AddSeconds(1),
        _ when type == typeof(DateTimeOffset?) => ((DateTimeOffset?)value ?? DateTimeOffset.UnixEpoch).AddSeconds(1),
        _ when type == typeof(bool?) => !((bool?)value ?? false),
        _ when type == typeof(bool) => !(bool)value!,
        _ when type == typeof(int) => (int)value! + 1,
        _ => throw new InvalidOperationException($"Add a different value for {type} to this test."),
    };

    private static ConversationEntity Sample() => new()
    {
        PartitionKey = "cn_1", RowKey = "c|42", CustomerId = "42", CustomerName = "Lan", ThreadId = "t_1", Folder = "spam", Status = "open",
        Notice = "n", LastMessageAt = DateTimeOffset.UnixEpoch.AddDays(1), LastInboundAt = DateTimeOffset.UnixEpoch, LastInboundMessageId = "m1",
        IsFollower = true, CreatedAt = DateTimeOffset.UnixEpoch, ImportedByJob = "j", ImportedByStep = "s", SyncedBy = "j/s",
    };
}
