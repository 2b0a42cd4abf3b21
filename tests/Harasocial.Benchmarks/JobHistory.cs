using Azure.Data.Tables;
using Harasocial.Standalone.Hosting.Durable;
using Harasocial.Sync.Storage;
using Harasocial.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harasocial.Benchmarks;

/// <summary>
/// What the Durable task hub recorded for a set of jobs (their <c>{hub}History</c> rows): how many history events a job
/// has, and how much of its wall time was activity work. An activity's span runs from its <c>TaskScheduled</c> event to
/// its <c>TaskCompleted</c>/<c>TaskFailed</c> event; the spans of one job overlap (fan-out), so their union is the time
/// at least one activity was in flight. Wall time ÷ that union is the orchestration's overhead: 1.0 would mean the
/// orchestration never kept the job waiting between activities.
/// </summary>
internal sealed record JobHistory(double EventsPerJob, double WallSeconds, double ActivitySeconds)
{
    public double Overhead => WallSeconds / ActivitySeconds;

    public static async Task<JobHistory> ReadAsync(AzuriteFixture azurite, string storagePrefix, IReadOnlyList<string> jobIds)
    {
        var hub = new DurableOptions().EffectiveHubName(storagePrefix);
        var tables = StorageClientFactory.Create(StorageSettings.FromConnectionString(azurite.ConnectionString), NullLogger.Instance).Tables;
        var history = tables.GetTableClient(hub + "History");
        var (events, wall, busy) = (0, 0.0, 0.0);
        foreach (var jobId in jobIds)
        {
            var rows = new List<TableEntity>();
            await foreach (var row in history.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {jobId}")))
            {
                if (row.RowKey != "sentinel")
                {
                    rows.Add(row);
                }
            }

            events += rows.Count;
            var times = rows.Select(r => r.GetDateTimeOffset("_Timestamp")).OfType<DateTimeOffset>().ToList();
            wall += (times.Max() - times.Min()).TotalSeconds;
            var scheduled = rows.Where(r => r.GetString("EventType") == "TaskScheduled")
                .ToDictionary(r => r.GetInt32("EventId")!.Value, r => r.GetDateTimeOffset("_Timestamp")!.Value);
            var spans = rows.Where(r => r.GetString("EventType") is "TaskCompleted" or "TaskFailed")
                .Select(r => (Start: scheduled[r.GetInt32("TaskScheduledId")!.Value], End: r.GetDateTimeOffset("_Timestamp")!.Value))
                .OrderBy(s => s.Start)
                .ToList();
            busy += Union(spans);
        }

        return new JobHistory((double)events / jobIds.Count, wall, busy);
    }

    private static double Union(List<(DateTimeOffset Start, DateTimeOffset End)> spans)
    {
        var total = 0.0;
        DateTimeOffset? start = null, end = null;
        foreach (var span in spans)
        {
            if (end is null || span.Start > end)
            {
                total += end is null ? 0 : (end.Value - start!.Value).TotalSeconds;
                (start, end) = (span.Start, span.End);
            }
            else if (span.End > end)
            {
                end = span.End;
            }
        }

        return total + (end is null ? 0 : (end.Value - start!.Value).TotalSeconds);
    }
}
