using System.Globalization;
using System.Text.Json;
using Harasocial.Benchmarks;
using Harasocial.Testing;

// Usage: dotnet run --project tests/Harasocial.Benchmarks -c Release [-- --quick] [--only 1,2,3,4]
// (./bench.sh does this). Prints a table and writes artifacts/benchmarks/latest.json.
if (args.FirstOrDefault() == MinimalReceiver.Flag)
{
    return await MinimalReceiver.RunAsync(args);
}

var quick = args.Contains("--quick");
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',') ?? ["1", "2", "3", "4"];
var size = quick ? BenchSize.Quick : BenchSize.Full;
var started = DateTimeOffset.UtcNow;
Console.WriteLine($"Harasocial benchmarks ({size.Label} size), {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

await using var azurite = new AzuriteFixture();
var results = new List<BenchResult>();
async Task RunAsync(string key, string[] names, string target, Func<Task<IReadOnlyList<BenchResult>>> run)
{
    if (!only.Contains(key))
    {
        return;
    }

    Console.WriteLine($"== {names[0]}");
    try
    {
        results.AddRange(await run());
    }
    catch (Exception ex)
    {
        Console.WriteLine(ex);
        results.AddRange(names.Select(n => BenchResult.Failed(n, target, ex)));
    }
}

await RunAsync("1", ["1. Sync throughput", "5. Peak memory (during 1)"], ">= 0.5", () => new ThroughputBenchmark(azurite, size).RunAsync());
await RunAsync("2", ["2. Channel-call efficiency"], "<= 1.1", () => new CallEfficiencyBenchmark(azurite).RunAsync());
await RunAsync("3", ["3. Rate-limited wall time"], "<= 1.2", () => new RateLimitBenchmark(azurite).RunAsync());
await RunAsync("4", ["4. Webhook ingest"], WebhookIngestBenchmark.Target, () => new WebhookIngestBenchmark(azurite, size).RunAsync());
results.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));

Console.WriteLine();
Console.WriteLine(BenchResult.Table(results));

var report = new BenchReport(started, DateTimeOffset.UtcNow, size.Label, Environment.ProcessorCount, Environment.MachineName, results);
var path = Path.Combine(RepoPaths.Root, "artifacts", "benchmarks", "latest.json");
Directory.CreateDirectory(Path.GetDirectoryName(path)!);
await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, BenchJson.Default.BenchReport));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path}"));
return results.Any(r => r.Met == false) ? 1 : 0;
