using Harasocial.Sync.Channels.Shopee;

namespace Harasocial.Functions.Tests.Channels.Shopee;

public sealed class ShopeeCursorTests
{
    [Fact]
    public void EncodeDecode_RoundTrips()
    {
        var cursor = new ShopeeCursor(1718000000123456789, new HashSet<string>(["28554413104092054123", "2"], StringComparer.Ordinal));
        var decoded = ShopeeCursor.Decode(cursor.Encode())!;
        Assert.Equal("1718000000123456789|2,28554413104092054123", cursor.Encode());
        Assert.Equal(cursor.Nano, decoded.Nano);
        Assert.True(cursor.SeenIds.SetEquals(decoded.SeenIds));
        Assert.Null(ShopeeCursor.Decode(null));
        Assert.Throws<ArgumentException>(() => ShopeeCursor.Decode("abc|1"));
    }

    [Fact]
    public void Page_OverlappingItem_IsDroppedOnTheNextPage()
    {
        var first = List(more: true, ("c1", 300), ("c2", 200), ("c3", 100));
        var (items1, next1) = ShopeeCursor.Page(null, first);
        Assert.Equal(["c1", "c2", "c3"], items1.Select(c => c.ConversationId));
        Assert.Equal("100|c3", next1);

        // The server returns conversations <= 100: c3 again (the one-item overlap).
        var second = List(more: false, ("c3", 100), ("c4", 90));
        var (items2, next2) = ShopeeCursor.Page(ShopeeCursor.Decode(next1), second);
        Assert.Equal(["c4"], items2.Select(c => c.ConversationId));
        Assert.Null(next2);
    }

    [Fact]
    public void Page_NothingNewAtSameTimestamp_Stops()
    {
        var page = List(more: true, ("c3", 100));
        var (items, next) = ShopeeCursor.Page(ShopeeCursor.Decode("100|c3"), page);
        Assert.Empty(items);
        Assert.Null(next);
    }

    private static ShopeeConversationList List(bool more, params (string Id, long Nano)[] rows) => new(
        rows.Select(r => new ShopeeConversation(r.Id, "9", null, "1", null, null, default, null, r.Nano)).ToList(),
        new ShopeeConversationPageResult(25, new ShopeeNextCursor(rows[^1].Nano.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[^1].Id), more));
}
