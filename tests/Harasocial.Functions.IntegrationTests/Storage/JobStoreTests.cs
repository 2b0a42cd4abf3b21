using Harasocial.Functions.Storage;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class JobStoreTests(AzuriteFixture azurite)
{
    /// <summary>
    /// Steps commit their counts and markers together under the job's ETag: concurrent steps conflict and retry, a
    /// redelivered step finds its marker, and the last commit completes the job with exact counts.
    /// </summary>
    [Fact]
    public async Task CommitStepAsync_ConcurrentStepsAndARedelivery_EachCountedOnceAndJobCompletes()
    {
        var storage = await StoreHarness.CreateAsync(azurite);
        var store = new JobStore(storage.Tables, storage.Names, TimeProvider.System);
        await store.CreateAsync(new JobEntity { PartitionKey = "job_1", ConnectionId = "cn_1", Kind = "initial", Pending = 10, CreatedAt = DateTimeOffset.UtcNow }, CancellationToken.None);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Append(3).Select(i =>
            store.CommitStepAsync("job_1", $"step/{i}", new StepProgress(Messages: 10, ApiCalls: 1), children: 0, phase: "messages", CancellationToken.None)));
        var job = (await store.GetAsync("job_1", CancellationToken.None))!;

        Assert.Equal(10, outcomes.Count(o => o.Outcome == CommitOutcome.Committed));
        Assert.Equal(1, outcomes.Count(o => o.Outcome == CommitOutcome.AlreadyCommitted));
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(0, job.Pending);
        Assert.Equal(100, job.Messages);
        Assert.Equal(10, job.ApiCalls);
        Assert.False((await storage.RowsAsync(StorageNames.JobsTable, "job_1")).Single(r => r.RowKey == JobEntity.Row).ContainsKey(nameof(JobEntity.IsTerminal)));
    }
}
