using System.Text.Json;
using Harasocial.Sync.Channels.Shopee;

namespace Harasocial.Functions.Tests.Channels;

public sealed class RawIdConverterTests
{
    [Fact]
    public void Read_BigIntegerNumbers_KeepsExactText()
    {
        const string json = """{"message_id":2385373076638777713123,"conversation_id":"28554413104092054123","from_id":9007199254740993,"created_timestamp":1718000600,"content":{}}""";
        var message = JsonSerializer.Deserialize(json, ShopeeJsonContext.Default.ShopeeMessage)!;
        Assert.Equal(("2385373076638777713123", "28554413104092054123", "9007199254740993"), (message.MessageId, message.ConversationId, message.FromId));
    }

    [Fact]
    public void Write_NumericId_WritesExactNumberWithoutRounding()
    {
        var json = JsonSerializer.Serialize(new ShopeeSendBody("9007199254740993", "text", new ShopeeText("hi")), ShopeeJsonContext.Default.ShopeeSendBody);
        Assert.Contains("\"to_id\":9007199254740993", json, StringComparison.Ordinal);
    }
}
