using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Harasocial.ChannelSimulator;
using Harasocial.Functions.IntegrationTests.Realtime;
using Harasocial.Functions.IntegrationTests.Sync;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Reliability;

/// <summary>
/// Webhook chaos: every event is delivered three times in a shuffled order to two app processes behind a round-robin
/// "load balancer", while first one and then the other is killed (SIGKILL) and started again mid-stream. A delivery
/// that gets no 200 (refused or reset while its instance is down) is sent again to the other one, as Meta retries
/// unacknowledged webhooks. Afterwards storage must hold exactly the events: each message once with its direction,
/// each conversation once with its newest activity, nothing left on the queues or in poison.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebhookChaosTests(AzuriteFixture azurite)
{
    private const string Page = "6660077";
    private const int Customers = 6;
    private const int InboundPerCustomer = 6;
    private const int EchoesPerCustomer = 2;

    private static readonly Scenario Shop = Scenario.Parse($$"""
        { "seed": 77, "rateLimits": { "graphConversationCallsPerSecond": 0 },
          "accounts": [ { "channel": "facebook", "id": "{{Page}}", "accessToken": "fb-t", "threads": [ { "count": 3, "ageDays": [0, 3], "messages": 2 } ] } ] }
        """);

    /// <summary>Seed 1 always; seeds 1–5 when <c>HARASOCIAL_HEAVY=1</c> (README, heavy variants).</summary>
    public static TheoryData<int> Seeds() => HeavyVariants.Seeds(1, 5);

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task EveryEventThreeTimesShuffled_InstancesKilledMidStream_StoredExactlyOnce(int seed)
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Shop);
        var (connection, job) = await harness.ConnectAsync("facebook", Page, "fb-t");
        await harness.WaitForJobAsync(job);
        var imported = await harness.Stored(connection).MessagesByCustomerAsync();
        var environment = harness.ProcessEnvironment();
        await harness.App.DisposeAsync();

        var random = new Random(seed);
        var events = Events(DateTimeOffset.UtcNow.AddMinutes(-30));
        var deliveries = events.SelectMany(e => Enumerable.Repeat(e, 3)).OrderBy(_ => random.Next()).ToList();
        await using var balancer = new Balancer(environment, await AppProcess.StartAsync(environment), await AppProcess.StartAsync(environment));

        // Thirds: both up; instance 0 killed and restarted while the second third arrives; then instance 1.
        var third = deliveries.Count / 3;
        await balancer.DeliverAsync(deliveries[..third].Select(e => e.Body));
        await Task.WhenAll(balancer.RestartAsync(0, TimeSpan.FromMilliseconds(random.Next(20, 200))), balancer.DeliverAsync(deliveries[third..(2 * third)].Select(e => e.Body)));
        await Task.WhenAll(balancer.RestartAsync(1, TimeSpan.FromMilliseconds(random.Next(20, 200))), balancer.DeliverAsync(deliveries[(2 * third)..].Select(e => e.Body)));
        Assert.Equal(deliveries.Count, balancer.Acknowledged);
        Assert.True(balancer.Refused > 0, "no delivery met a downed instance: the restarts did not overlap the stream");

        // Messages a killed instance had taken off the queue come back when their visibility (10 s) runs out.
        var stored = harness.Stored(connection);
        var expected = events.GroupBy(e => e.Customer).ToDictionary(g => g.Key, g => g.ToList());
        await Eventually.TrueAsync(async () => (await stored.MessagesByCustomerAsync()).Where(kv => expected.ContainsKey(kv.Key)).Sum(kv => kv.Value) >= events.Count, TimeSpan.FromSeconds(90));
        await Eventually.TrueAsync(async () => (await harness.QueueReportAsync()).Contains("webhooks: 0 messages", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await Task.Delay(1000);

        var report = await harness.QueueReportAsync();
        Assert.Contains("webhooks-poison: 0 messages", report, StringComparison.Ordinal);
        var byCustomer = await stored.MessagesByCustomerAsync();
        Assert.Equal(imported.Count + Customers, byCustomer.Count);
        Assert.All(imported, kv => Assert.Equal(kv.Value, byCustomer[kv.Key]));
        var (conversationRows, listingRows) = await stored.ConversationRowCountsAsync();
        Assert.Equal(conversationRows, listingRows);
        using var api = balancer.Client(harness.TenantKey);
        foreach (var (customer, sent) in expected)
        {
            var rows = await stored.RowsAsync("messages", $"{connection}|{customer}");
            var listed = rows.Where(r => r.RowKey.StartsWith("t|", StringComparison.Ordinal)).ToList();
            Assert.Equal(sent.Count, rows.Count(r => r.RowKey.StartsWith("m|", StringComparison.Ordinal)));
            Assert.Equal(
                sent.Select(e => $"{e.Mid}:{(e.Echo ? "out" : "in")}").Order(StringComparer.Ordinal),
                listed.Select(r => $"{r.GetString("ExternalId")}:{r.GetString("Direction")}").Order(StringComparer.Ordinal));
            using var response = await api.GetAsync(new Uri($"api/conversations/{connection}.{ChannelSyncTests.Base64Url(customer)}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var view = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(sent.Max(e => e.At).ToUnixTimeMilliseconds(), view["lastMessageAt"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds());
        }
    }

    /// <summary>Per new customer: inbound messages a minute apart and seller replies made on Facebook (echoes from Meta's inbox app).</summary>
    private static List<HookEvent> Events(DateTimeOffset start)
    {
        var events = new List<HookEvent>();
        for (var c = 0; c < Customers; c++)
        {
            var customer = "88100" + c.ToString(CultureInfo.InvariantCulture);
            for (var i = 0; i < InboundPerCustomer + EchoesPerCustomer; i++)
            {
                var at = start.AddMinutes(i).AddSeconds(c);
                var echo = i % 4 == 3;
                var mid = $"m_chaos_{c}_{i}";
                var body = echo
                    ? $$$"""{"object":"page","entry":[{"id":"{{{Page}}}","time":{{{at.ToUnixTimeMilliseconds()}}},"messaging":[{"sender":{"id":"{{{Page}}}"},"recipient":{"id":"{{{customer}}}"},"timestamp":{{{at.ToUnixTimeMilliseconds()}}},"message":{"mid":"{{{mid}}}","is_echo":true,"app_id":263902037430900,"text":"Dạ còn ạ #{{{i}}}"}}]}]}"""
                    : WebhookPoster.MessageBody(Page, customer, mid, $"Còn size M không? #{i}", at);
                events.Add(new HookEvent(customer, mid, echo, at, body));
            }
        }

        return events;
    }

    private sealed record HookEvent(string Customer, string Mid, bool Echo, DateTimeOffset At, string Body);

    /// <summary>Two app processes taking deliveries in turn; a delivery that fails is retried on the other one.</summary>
    private sealed class Balancer(IReadOnlyDictionary<string, string?> environment, AppProcess first, AppProcess second) : IAsyncDisposable
    {
        private readonly AppProcess?[] instances = [first, second];
        private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
        private int next;
        private int acknowledged;
        private int refused;

        public int Acknowledged => acknowledged;

        public int Refused => refused;

        public HttpClient Client(string apiKey) => (instances[0] ?? instances[1])!.CreateClient(apiKey);

        public async Task DeliverAsync(IEnumerable<string> bodies)
        {
            var queue = new Queue<string>(bodies);
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                while (true)
                {
                    string body;
                    lock (queue)
                    {
                        if (!queue.TryDequeue(out body!))
                        {
                            return;
                        }
                    }

                    await DeliverOneAsync(body);
                    await Task.Delay(Random.Shared.Next(5, 40)); // a stream, not a burst: the restarts land inside it
                }
            }));
        }

        /// <summary>Kills instance <paramref name="index"/> after <paramref name="delay"/> (a crash: no graceful stop) and starts a new one.</summary>
        public async Task RestartAsync(int index, TimeSpan delay)
        {
            await Task.Delay(delay);
            var victim = instances[index]!;
            instances[index] = null;
            await victim.DisposeAsync();
            instances[index] = await AppProcess.StartAsync(environment);
        }

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            foreach (var instance in instances)
            {
                if (instance is not null)
                {
                    await instance.DisposeAsync();
                }
            }
        }

        private async Task DeliverOneAsync(string body)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            for (var slot = Interlocked.Increment(ref next); ; slot++)
            {
                if (instances[slot % 2] is { } instance && await TryPostAsync(instance.BaseUri, body))
                {
                    Interlocked.Increment(ref acknowledged);
                    return;
                }

                Interlocked.Increment(ref refused);
                Assert.True(DateTime.UtcNow < deadline, "a webhook was never acknowledged by either instance");
                await Task.Delay(50);
            }
        }

        private async Task<bool> TryPostAsync(Uri baseUri, string body)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, "api/webhooks/facebook")) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Hub-Signature-256", WebhookPoster.Signature(body));
                using var response = await http.SendAsync(request);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }
    }
}
