using System.Diagnostics;
using Azure.Data.Tables;
using Harasocial.ChannelSimulator;
using Harasocial.Sync.Functions;
using Harasocial.Sync.Storage;
using Harasocial.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harasocial.Benchmarks;

/// <summary>
/// Benchmark 1 (sync throughput) and 5 (peak memory of the app during it). The app connects every page and runs
/// the initial syncs to completion; the baseline writes the same message rows (a listing row and an identity row
/// per message, same keys and properties as the app's <see cref="MessageStore"/>) straight through Azure.Data.Tables
/// (the app's own client, built by <see cref="StorageClientFactory"/>), in 100-entity transactions (one conversation = one batch), <see cref="FunctionTable.BatchSize"/> at a
/// time, the app's own step concurrency. The baseline does not write conversation, listing-index or job rows.
/// </summary>
internal sealed class ThroughputBenchmark(AzuriteFixture azurite, BenchSize size)
{
    public async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        var scenario = Scenarios.Facebook(size.Accounts, size.Conversations, size.Messages, graphCallsPerSecond: 0);
        await using var sim = await SimulatorServer.StartAsync(scenario);
        var expected = size.Accounts * size.Conversations * size.Messages;
        Console.WriteLine($"  throughput: {size.Accounts} pages x {size.Conversations} conversations x {size.Messages} messages = {expected} messages");

        var baseline = await BaselineAsync(sim);
        Console.WriteLine($"  baseline: {expected} messages ({expected * 2} entities) in {baseline.TotalSeconds:0.0} s");

        await using var app = await AppHost.StartAsync(azurite, azurite.UniqueName("tp"), sim.BaseUri);
        var watch = Stopwatch.StartNew();
        var jobs = new List<string>();
        for (var i = 0; i < size.Accounts; i++)
        {
            jobs.Add(await app.ConnectAsync(new { channel = "facebook", externalId = Scenarios.FacebookPageId(i), accessToken = Scenarios.FacebookToken(i) }));
        }

        var ended = await app.WaitForJobsAsync(jobs, TimeSpan.FromMinutes(60));
        watch.Stop();
        var stored = ended.Sum(j => j["progress"]!["messages"]!.GetValue<long>());
        var peak = app.PeakWorkingSetBytes();
        Console.WriteLine($"  app: {stored} messages in {watch.Elapsed.TotalSeconds:0.0} s, peak working set {peak / 1048576.0:0} MiB");
        if (stored != expected)
        {
            throw new InvalidOperationException($"The app stored {stored} messages, expected {expected}.");
        }

        var history = await JobHistory.ReadAsync(azurite, app.Prefix, jobs);
        Console.WriteLine($"  history: {history.EventsPerJob:0} events per job, wall {history.WallSeconds:0.0} s, activities in flight {history.ActivitySeconds:0.0} s");
        var appRate = stored / watch.Elapsed.TotalSeconds;
        var baseRate = expected / baseline.TotalSeconds;
        var sizeNote = $"{size.Label}: {size.Accounts} Facebook pages x {size.Conversations} conversations x {size.Messages} messages = {expected} messages";
        return
        [
            new BenchResult(
                "1. Sync throughput",
                $"{Format.F(appRate, "0")} msg/s ({Format.F(watch.Elapsed.TotalSeconds)} s)",
                $"{Format.F(baseRate, "0")} msg/s ({Format.F(baseline.TotalSeconds)} s)",
                appRate / baseRate,
                ">= 0.5",
                appRate / baseRate >= 0.5,
                $"{sizeNote}; app = connect all pages -> all jobs completed (conversation pages with 50 messages inline, rate limits off); " +
                $"baseline = the same {expected * 2} message entities (listing + identity row per message, same keys and properties) written by Azure.Data.Tables " +
                $"in 100-entity transactions, {FunctionTable.BatchSize} at a time (the app's step concurrency per instance)."),
            new BenchResult(
                "1b. Durable history events per job",
                $"{Format.F(history.EventsPerJob, "0")} events",
                "-",
                null,
                "-",
                null,
                "Rows in the task hub's History table per initial-sync job of benchmark 1 (25-conversation pages with messages inline: one activity per page, plus posts, comments and the finish)."),
            new BenchResult(
                "1c. Orchestration overhead",
                $"{Format.F(history.WallSeconds)} s job wall time",
                $"{Format.F(history.ActivitySeconds)} s with an activity in flight",
                history.Overhead,
                "<= 1.5",
                history.Overhead <= 1.5,
                "Summed over benchmark 1's jobs: each job's first to last history event, against the union of its activities' scheduled-to-completed spans (from the History table)."),
            new BenchResult(
                "5. Peak memory (during 1)",
                $"{Format.F(peak / 1048576.0, "0")} MiB",
                "300 MiB budget",
                peak / (300.0 * 1048576),
                "< 300 MiB",
                peak < 300L * 1048576,
                "VmHWM of the app process (run as its own OS process, standalone mode) at the end of benchmark 1; ratio = peak / 300 MiB."),
        ];
    }

    private async Task<TimeSpan> BaselineAsync(SimulatorServer sim)
    {
        var tables = StorageClientFactory.Create(StorageSettings.FromConnectionString(azurite.ConnectionString), NullLogger.Instance).Tables;
        var table = tables.GetTableClient(azurite.UniqueName("baseline"));
        await table.CreateIfNotExistsAsync();
        var batches = new List<List<TableTransactionAction>>();
        for (var i = 0; i < size.Accounts; i++)
        {
            var page = Scenarios.FacebookPageId(i);
            foreach (var customer in sim.State.CustomerIds("facebook", page))
            {
                var thread = sim.State.GetThread("facebook", page, customer)!;
                var partition = MessageStore.Partition("cn_bench" + i, customer);
                var actions = new List<TableTransactionAction>();
                foreach (var message in thread.Messages.Take(size.Messages))
                {
                    var listing = Entity(partition, MessageStore.ListingKey(message.At, message.Id), message, message.Inbound ? customer : page);
                    var identity = Entity(partition, MessageStore.IdentityKey(message.Id), message, message.Inbound ? customer : page);
                    identity.ListKey = listing.RowKey;
                    identity.WrittenBy = MessageStore.WriterOf("job_bench", "conversations:start"); // the app's identity rows carry their writer
                    actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, listing));
                    actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, identity));
                }

                batches.AddRange(actions.Chunk(100).Select(c => c.ToList()));
            }
        }

        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = FunctionTable.BatchSize }, async (batch, ct) =>
            await table.SubmitTransactionAsync(batch, ct));
        watch.Stop();
        await table.DeleteAsync(); // so the app's run does not share Azurite with a table it never wrote
        return watch.Elapsed;
    }

    private static MessageEntity Entity(string partition, string rowKey, SimMessage message, string sender) => new()
    {
        PartitionKey = partition,
        RowKey = rowKey,
        ExternalId = message.Id,
        Direction = message.Inbound ? "in" : "out",
        Text = message.Text,
        SentAt = message.At,
        SenderId = sender,
        Attachments = message.Attachment is { } a ? $"[{{\"type\":\"{a.Kind}\",\"url\":\"{a.Url}\",\"name\":\"{a.Name}\"}}]" : null,
    };
}
