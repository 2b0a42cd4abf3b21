using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Harasocial.ChannelSimulator;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Inbox;

/// <summary>
/// Issue 18: the conversation list had no message preview and no mark for buyers waiting for an answer. Each
/// conversation carries its newest message (<c>lastMessage</c>) and <c>awaitingReply</c> (the buyer wrote last), kept
/// current by syncs (Graph inline pages, Zalo/Shopee message imports), replies and webhooks.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConversationPreviewTests(AzuriteFixture azurite)
{
    private static readonly Scenario Shop = Scenario.Parse("""
        { "seed": 181, "rateLimits": { "graphConversationCallsPerSecond": 0 },
          "accounts": [
            { "channel": "facebook", "id": "1810001", "accessToken": "fb-t", "threads": [ { "count": 6, "ageMinutes": [5, 600], "messages": [2, 6] } ] },
            { "channel": "zalo", "id": "3000000000001810002", "accessToken": "z-at", "refreshToken": "z-rt",
              "threads": [ { "count": 6, "ageMinutes": [5, 600], "messages": [2, 6] } ], "unfollowerShare": 0 } ] }
        """);

    [Theory]
    [InlineData("facebook", "1810001", "fb-t", null)]
    [InlineData("zalo", "3000000000001810002", "z-at", "z-rt")]
    public async Task Preview_NewestMessageAndAwaitingReply_AfterSyncReplyAndWebhook(string channel, string account, string token, string? refresh)
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop, kestrel: true);
        var (connection, job) = await harness.ConnectAsync(channel, account, token, refresh);
        await harness.WaitForJobAsync(job);

        var list = (await harness.GetJsonAsync($"/api/connections/{connection}/conversations"))["items"]!.AsArray();
        Assert.Equal(6, list.Count);
        Assert.Contains(list, c => c!["awaitingReply"]!.GetValue<bool>());
        foreach (var conversation in list)
        {
            var newest = (await harness.GetJsonAsync($"/api/conversations/{conversation!["id"]}/messages?limit=1"))["items"]![0]!;
            AssertPreview(conversation, newest);
        }

        // Our reply: the preview is the reply, nobody waits.
        var id = list.First(c => c!["awaitingReply"]!.GetValue<bool>())!["id"]!.GetValue<string>();
        using (var reply = await harness.Client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Dạ shop gửi bạn bảng giá ạ" }))
        {
            Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        }

        var replied = await harness.GetJsonAsync($"/api/conversations/{id}");
        Assert.Equal("Dạ shop gửi bạn bảng giá ạ", replied["lastMessage"]!["text"]!.GetValue<string>());
        Assert.Equal("out", replied["lastMessage"]!["direction"]!.GetValue<string>());
        Assert.False(replied["awaitingReply"]!.GetValue<bool>());

        // The buyer writes again (webhook): waiting, with the buyer's words as the preview; the list shows it first.
        var customer = replied["customer"]!["id"]!.GetValue<string>();
        harness.Simulator.State.AddInboundMessage(channel, account, customer, "Cảm ơn shop, cho mình đặt 2 cái");
        await Eventually.TrueAsync(async () => (await harness.GetJsonAsync($"/api/conversations/{id}"))["awaitingReply"]!.GetValue<bool>());
        var first = (await harness.GetJsonAsync($"/api/connections/{connection}/conversations?limit=1"))["items"]![0]!;
        Assert.Equal(id, first["id"]!.GetValue<string>());
        Assert.Equal("Cảm ơn shop, cho mình đặt 2 cái", first["lastMessage"]!["text"]!.GetValue<string>());
    }

    private static void AssertPreview(JsonNode conversation, JsonNode newest)
    {
        var preview = conversation["lastMessage"]!;
        Assert.Equal(newest["direction"]!.GetValue<string>(), preview["direction"]!.GetValue<string>());
        Assert.Equal(newest["sentAt"]!.GetValue<DateTimeOffset>(), preview["sentAt"]!.GetValue<DateTimeOffset>());
        if (newest["text"]?.GetValue<string>() is { } text)
        {
            Assert.Equal(text.Length > 140 ? text[..139] + "…" : text, preview["text"]!.GetValue<string>());
        }

        Assert.Equal(newest["direction"]!.GetValue<string>() == "in", conversation["awaitingReply"]!.GetValue<bool>());
    }
}
