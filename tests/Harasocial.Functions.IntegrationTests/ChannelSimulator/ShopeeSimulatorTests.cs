using System.Text.Json;

namespace Harasocial.Functions.IntegrationTests.ChannelSimulator;

[Collection("Simulator")]
public sealed class ShopeeSimulatorTests(SimulatorFixture fixture)
{
    private const string ListPath = "/api/v2/sellerchat/get_conversation_list";

    private string Url(string extra, long? timestamp = null, string key = "sim-shopee-partner-key") =>
        SimHttp.ShopeeUrl(fixture.Server.ShopeeBaseUri, ListPath, "shopee-at-1", SimulatorFixture.ShopeeShopId, extra, timestamp, key);

    [Fact]
    public async Task Sign_WrongKeyOrStaleTimestamp_AnswersErrorSign()
    {
        var (badStatus, bad, _) = await SimHttp.GetAsync(fixture.Http, Url("&direction=older&type=all", key: "wrong-key"));
        Assert.Equal(403, badStatus);
        Assert.Equal("error_sign", bad.GetProperty("error").GetString());
        var (_, stale, _) = await SimHttp.GetAsync(fixture.Http, Url("&direction=older&type=all", DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds()));
        Assert.Equal("error_sign", stale.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ConversationList_PagedWithNextTimestamp_OverlapsByExactlyOneItem()
    {
        var seen = new List<string>();
        string? cursor = null;
        var overlaps = 0;
        for (var pages = 0; pages < 20; pages++)
        {
            var (status, body, _) = await SimHttp.GetAsync(fixture.Http, Url($"&direction=older&type=all&page_size=25{(cursor is null ? "" : "&next_timestamp_nano=" + cursor)}"));
            Assert.Equal(200, status);
            var response = body.GetProperty("response");
            var ids = response.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("conversation_id").GetRawText()).ToList();
            if (pages > 0)
            {
                Assert.Equal(seen[^1], ids[0]);
                overlaps++;
                ids.RemoveAt(0);
            }

            seen.AddRange(ids);
            var page = response.GetProperty("page_result");
            if (!page.GetProperty("more").GetBoolean())
            {
                break;
            }

            cursor = page.GetProperty("next_cursor").GetProperty("next_message_time_nano").GetString();
        }

        Assert.Equal(60, seen.Count);
        Assert.Equal(60, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.True(overlaps >= 2);
    }

    [Fact]
    public async Task ConversationList_BigIds_AreJsonNumbersAbove2Pow53()
    {
        var (_, body, _) = await SimHttp.GetAsync(fixture.Http, Url("&direction=older&type=all&page_size=5"));
        var first = body.GetProperty("response").GetProperty("conversations")[0];
        foreach (var name in new[] { "conversation_id", "to_id" })
        {
            var token = first.GetProperty(name);
            Assert.Equal(JsonValueKind.Number, token.ValueKind);
            Assert.True(ulong.Parse(token.GetRawText(), System.Globalization.CultureInfo.InvariantCulture) > (1UL << 53));
            Assert.Matches(@"^\d{18,19}$", token.GetRawText());
        }

        var customer = first.GetProperty("to_id").GetRawText();
        var thread = fixture.Server.State.GetThread("shopee", SimulatorFixture.ShopeeShopId, customer);
        Assert.NotNull(thread);
        Assert.Equal(first.GetProperty("conversation_id").GetRawText(), thread.ThreadId);
    }

    [Fact]
    public async Task ConversationList_PageSizeOver25_ReturnsEmptyList()
    {
        var (_, body, _) = await SimHttp.GetAsync(fixture.Http, Url("&direction=older&type=all&page_size=26"));
        Assert.Equal(0, body.GetProperty("response").GetProperty("conversations").GetArrayLength());
    }
}
