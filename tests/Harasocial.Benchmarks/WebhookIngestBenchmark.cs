using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Harasocial.AzureStorage;
using Harasocial.ChannelSimulator;
using Harasocial.Testing;

namespace Harasocial.Benchmarks;

/// <summary>
/// Benchmark 4: signed Facebook message webhooks posted by a bounded load generator on 127.0.0.1 at rising
/// concurrency. Measured: webhooks accepted (200) per second and p50/p99 latency. Baseline: raw puts of the same
/// texts on a storage queue by our client at the same concurrency — the durable write every webhook needs anyway.
/// The intake instance runs HTTP only (custom-handler mode: no queue listeners), because Azurite is single-threaded
/// and the processor's writes would otherwise slow the puts the baseline does not share. A second, standalone
/// instance then drains the queue: events lost = accepted webhooks minus messages stored.
/// </summary>
internal sealed class WebhookIngestBenchmark(AzuriteFixture azurite, BenchSize size)
{
    private const string Secret = "sim-meta-secret";
    private static readonly int[] Concurrency = [1, 8, 32];

    public async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        await using var sim = await SimulatorServer.StartAsync(Scenarios.Facebook(1, 5, 2, graphCallsPerSecond: 0));
        var prefix = azurite.UniqueName("hook");
        var page = Scenarios.FacebookPageId(0);
        string connection;
        await using (var worker = await AppHost.StartAsync(azurite, prefix, sim.BaseUri))
        {
            await worker.WaitForJobsAsync([await worker.ConnectAsync(new { channel = "facebook", externalId = page, accessToken = Scenarios.FacebookToken(0) })], TimeSpan.FromMinutes(2));
            connection = JsonNode.Parse(await worker.Tenant.GetStringAsync(new Uri("api/connections", UriKind.Relative)))!["items"]![0]!["id"]!.GetValue<string>();
        }

        await using var app = await AppHost.StartAsync(azurite, prefix, sim.BaseUri, new Dictionary<string, string> { ["Hosting__Mode"] = "CustomHandler" });

        var queue = new QueueServiceClient(azurite.ConnectionString).GetQueueClient(azurite.UniqueName("rawputs"));
        await queue.CreateIfNotExistsAsync();
        using var http = new HttpClient { BaseAddress = app.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        var results = new List<BenchResult>();
        var sent = 0;
        var accepted = 0;
        // Warm-up (JIT, connections); these webhooks must be stored too.
        accepted += (await MeasureAsync([.. Enumerable.Range(1_000_000, 50).Select(i => Body(page, i))], 4, body => PostAsync(http, body))).Ok;
        await MeasureAsync([.. Enumerable.Range(0, 50).Select(i => Body(page, i))], 4, async body => { await queue.SendMessageAsync(body); return true; });
        foreach (var (concurrency, label) in Concurrency.Zip("abc"))
        {
            var count = size.WebhooksPerLevel;
            var bodies = Enumerable.Range(sent, count).Select(i => Body(page, i)).ToList();
            sent += count;
            var baseline = await MeasureAsync(bodies, concurrency, async body => { await queue.SendMessageAsync(body); return true; });
            var measured = await MeasureAsync(bodies, concurrency, body => PostAsync(http, body));
            accepted += measured.Ok;
            var ratio = measured.PerSecond / baseline.PerSecond;
            results.Add(new BenchResult(
                $"4{label}. Webhook ingest, {concurrency} concurrent",
                $"{Format.F(measured.PerSecond)}/s, p50 {Format.F(measured.P50)} ms, p99 {Format.F(measured.P99)} ms",
                $"{Format.F(baseline.PerSecond)} puts/s, p99 {Format.F(baseline.P99)} ms",
                ratio,
                ">= 0.8, p99 < 250 ms",
                ratio >= 0.8 && measured.P99 < 250 && measured.Ok == count,
                $"{count} signed webhooks, {measured.Ok} answered 200"));
        }

        await using var drain = await AppHost.StartAsync(azurite, prefix, sim.BaseUri);
        var lost = accepted - await StoredAfterDrainAsync(drain.Prefix, connection, accepted);
        results.Add(new BenchResult("4d. Webhook ingest: events lost", lost.ToString(CultureInfo.InvariantCulture), "0", null, "0", lost == 0,
            $"{accepted} accepted webhooks; lost = accepted minus messages stored once the queue drained (within 3 minutes)"));
        return results;
    }

    private static async Task<bool> PostAsync(HttpClient http, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/facebook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body))));
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode;
    }

    private static string Body(string page, int i)
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(-i).ToUnixTimeMilliseconds();
        var customer = "77" + (i % 50).ToString("D14", CultureInfo.InvariantCulture);
        return $$$"""{"object":"page","entry":[{"id":"{{{page}}}","time":{{{at}}},"messaging":[{"sender":{"id":"{{{customer}}}"},"recipient":{"id":"{{{page}}}"},"timestamp":{{{at}}},"message":{"mid":"m_bench_{{{i}}}","text":"Còn hàng không shop? #{{{i}}}"}}]}]}""";
    }

    private static async Task<(double PerSecond, double P50, double P99, int Ok)> MeasureAsync(List<string> bodies, int concurrency, Func<string, Task<bool>> send)
    {
        var latencies = new double[bodies.Count];
        var next = -1;
        var ok = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                var start = Stopwatch.GetTimestamp();
                if (await send(bodies[i]))
                {
                    Interlocked.Increment(ref ok);
                }

                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }));
        watch.Stop();
        Array.Sort(latencies);
        return (bodies.Count / watch.Elapsed.TotalSeconds, latencies[latencies.Length / 2], latencies[(int)Math.Min(latencies.Length - 1, Math.Ceiling(latencies.Length * 0.99) - 1)], ok);
    }

    /// <summary>Messages stored for the benchmark's customers once the processor has caught up (or 3 minutes passed).</summary>
    private async Task<int> StoredAfterDrainAsync(string prefix, string connection, int expected)
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        var stored = 0;
        while (DateTime.UtcNow < deadline)
        {
            stored = 0;
            foreach (var customer in Enumerable.Range(0, 50).Select(c => "77" + c.ToString("D14", CultureInfo.InvariantCulture)))
            {
                await foreach (var _ in tables.GetTableClient(prefix + "messages").QueryAsync<TableEntity>(
                    TableClient.CreateQueryFilter($"PartitionKey eq {connection + "|" + customer} and RowKey ge {"m|"} and RowKey lt {"m}"}"), 1000, ["RowKey"]))
                {
                    stored++;
                }
            }

            if (stored >= expected)
            {
                return stored;
            }

            await Task.Delay(1000);
        }

        return stored;
    }
}
