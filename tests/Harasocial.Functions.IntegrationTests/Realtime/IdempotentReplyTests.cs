using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Harasocial.ChannelSimulator;
using Harasocial.Functions.IntegrationTests.Tenants;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Realtime;

/// <summary>
/// SPEC §4: <c>POST /api/conversations/{id}/messages</c> honours <c>Idempotency-Key</c>. Issue 18: 20 identical replies
/// sent at once became 20 channel messages and 20 stored ones, some answered 500 (an ETag conflict surfaced as a server
/// error), and a client had no way to retry a reply safely.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IdempotentReplyTests(AzuriteFixture azurite)
{
    private const string Page = "6780001";

    private static readonly Scenario Shop = Scenario.Parse($$"""
        { "seed": 78, "rateLimits": { "graphConversationCallsPerSecond": 0 },
          "accounts": [ { "channel": "facebook", "id": "{{Page}}", "accessToken": "fb-t",
            "threads": [ { "count": 2, "ageMinutes": [5, 60], "messages": 3 } ] } ] }
        """);

    [Fact]
    public async Task Reply_TwentyConcurrentWithOneKey_OneSendOneStoredMessage_TwentyIdenticalAnswers()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop, kestrel: true);
        var (conversation, before) = await ConversationAsync(harness);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync(harness, conversation, "Dạ shop còn hàng ạ", "reply-7f3a")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct(StringComparer.Ordinal));
        Assert.Single(harness.Simulator.State.SentMessages);
        var sent = JsonNode.Parse(answers[0].Body)!["externalId"]!.GetValue<string>();
        Assert.Equal(harness.Simulator.State.SentMessages[0].MessageId, sent);
        await Task.Delay(1500); // the echo webhook
        Assert.Equal(before + 1, await MessageCountAsync(harness, conversation));

        // The same key later: the first answer again, still nothing sent.
        var again = await PostAsync(harness, conversation, "Dạ shop còn hàng ạ", "reply-7f3a");
        Assert.Equal((HttpStatusCode.Created, answers[0].Body), (again.Status, again.Body));
        Assert.Single(harness.Simulator.State.SentMessages);
    }

    [Fact]
    public async Task Reply_SameKeyOtherBody_422NothingSent()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop, kestrel: true);
        var (conversation, _) = await ConversationAsync(harness);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(harness, conversation, "first text", "key-1")).Status);

        using var other = await harness.Client.SendAsync(Request(conversation, "second text", "key-1"));
        var problem = await TenantApiTests.AssertProblemAsync(other, (HttpStatusCode)422);

        Assert.Contains("Idempotency-Key", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(harness.Simulator.State.SentMessages);
    }

    [Fact]
    public async Task Reply_TwentyConcurrentWithDifferentKeys_TwentySendsTwentyStored_No5xx()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop, kestrel: true);
        var (conversation, before) = await ConversationAsync(harness);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => PostAsync(harness, conversation, $"Tin nhắn {i}", $"key-{i}")));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.Created, $"{(int)a.Status}: {a.Body}"));
        Assert.Equal(20, harness.Simulator.State.SentMessages.Count);
        await Eventually.TrueAsync(async () => await MessageCountAsync(harness, conversation) == before + 20);
        await Task.Delay(1000);
        Assert.Equal(before + 20, await MessageCountAsync(harness, conversation));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("k-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("tiếng-việt")]
    public async Task Reply_KeyNotPrintableAscii_400NothingSent(string key)
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        var (conversation, _) = await ConversationAsync(harness);

        using var response = await harness.Client.SendAsync(Request(conversation, "hello", key));
        var problem = await TenantApiTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["Idempotency-Key"]);
        Assert.Empty(harness.Simulator.State.SentMessages);
    }

    private static async Task<(string Conversation, int Messages)> ConversationAsync(SyncHarness harness)
    {
        var (connection, job) = await harness.ConnectAsync("facebook", Page, "fb-t");
        await harness.WaitForJobAsync(job);
        var id = (await harness.GetJsonAsync($"/api/connections/{connection}/conversations"))["items"]![0]!["id"]!.GetValue<string>();
        return (id, await MessageCountAsync(harness, id));
    }

    private static async Task<int> MessageCountAsync(SyncHarness harness, string conversation) =>
        (await harness.GetJsonAsync($"/api/conversations/{conversation}/messages?limit=100"))["items"]!.AsArray().Count;

    private static HttpRequestMessage Request(string conversation, string text, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/conversations/{conversation}/messages", UriKind.Relative))
        {
            Content = JsonContent.Create(new { text }),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(SyncHarness harness, string conversation, string text, string key)
    {
        using var request = Request(conversation, text, key);
        using var response = await harness.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
