using Harasocial.Sync.Channels;
using Harasocial.Sync.Channels.Zalo;

namespace Harasocial.Functions.Tests.Channels.Zalo;

public sealed class ZaloMapperTests
{
    private const string Oa = "4400000000000000001";

    [Fact]
    public void GroupByCustomer_MessagePerRowReading_OneConversationPerCustomer()
    {
        var rows = new List<ZaloRow>
        {
            Row("m3", 3000, "8800000000000000001", Oa, "Lan", "OA"),
            Row("m2", 2000, Oa, "8800000000000000002", "OA", "Minh"),
            Row("m1", 1000, "8800000000000000001", Oa, "Lan", "OA"),
        };

        var conversations = ZaloMapper.GroupByCustomer(rows, Oa, 10);

        Assert.Equal(2, conversations.Count);
        var lan = conversations.Single(c => c.Customer.Id == "8800000000000000001");
        Assert.Equal(("8800000000000000001", "Lan", "0"), (lan.ExternalId, lan.Customer.Name, lan.MessagesCursor));
        Assert.Equal(["m3", "m1"], lan.Messages.Select(m => m.ExternalId));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(3000), lan.LastActivityAt);
        var minh = conversations.Single(c => c.Customer.Id == "8800000000000000002");
        Assert.Equal(("Minh", MessageDirection.Out), (minh.Customer.Name, minh.Messages[0].Direction));
    }

    [Fact]
    public void GroupByCustomer_PageAtOffset40_CustomersInFirstRowOrderEachResumingAfterItsFirstRow()
    {
        // Ids past 2^53 stay exact strings: 9007199254740993 is 2^53 + 1, which a double would turn into ...992.
        var rows = new List<ZaloRow>
        {
            Row("m9", 9000, "9007199254740993", Oa, "Hoa", "OA"),
            Row("m8", 8000, Oa, "9007199254740995", "OA", "Tuan"),
            Row("m7", 7000, "9007199254740993", Oa, "Hoa", "OA"),
            Row("m6", 6000, "9007199254740997", Oa, "Vy", "OA"),
        };

        var conversations = ZaloMapper.GroupByCustomer(rows, Oa, 0, offset: 40);

        Assert.Equal(["9007199254740993", "9007199254740995", "9007199254740997"], conversations.Select(c => c.Customer.Id));
        Assert.Equal(["41", "42", "44"], conversations.Select(c => c.ResumeCursor));
        Assert.All(conversations, c => Assert.Empty(c.Messages));
    }

    [Theory]
    [InlineData(0, 10, 10, "10")]
    [InlineData(20, 10, 10, "30")]
    [InlineData(20, 10, 3, null)]
    public void Cursor_NextOffset_StopsOnShortPage(int offset, int asked, int received, string? expected)
    {
        Assert.Equal(offset, ZaloCursor.Decode(ZaloCursor.Encode(offset)));
        Assert.Equal(expected, ZaloCursor.Next(offset, asked, received));
    }

    private static ZaloRow Row(string id, long time, string from, string to, string fromName, string toName) =>
        new(1, time, "text", "hi", id, from, fromName, to, toName, null, null);
}
