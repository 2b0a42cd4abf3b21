using Harasocial.Functions.Channels;
using Harasocial.Functions.Channels.Zalo;

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
