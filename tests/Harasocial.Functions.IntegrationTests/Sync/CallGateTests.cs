using Azure.Data.Tables;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync;
using Harasocial.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests.Sync;

[Collection(AzuriteCollection.Name)]
public sealed class CallGateTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(1.25 / 2);

    /// <summary>
    /// A caller whose wait ends 300 ms after its slot (a loaded machine) must not call then: its call would land next
    /// to the following slots' calls. It gives the slot up and takes the next one, so the gate's row moves two slots.
    /// </summary>
    [Fact]
    public async Task WakesUpLate_GivesTheSlotUp_AndWaitsForTheNextOne()
    {
        var clock = new OversleepingClock(TimeSpan.FromMilliseconds(300));
        await using var app = new AppFactory(azurite);
        _ = app.Server; // provisions the tables
        var tables = app.Services.GetRequiredService<TableServiceClient>();
        var names = app.Services.GetRequiredService<StorageNames>();
        var gate = new CallGate(tables, names, clock);
        var leases = tables.GetTableClient(names.Table(StorageNames.LeasesTable));
        await Eventually.TrueAsync(async () => (await app.CreateClient(null).GetAsync(new Uri("/api/health", UriKind.Relative))).IsSuccessStatusCode);
        async Task<DateTimeOffset> NextAtAsync() => (await leases.GetEntityAsync<TableEntity>("gate", "facebook|page-late")).Value.GetDateTimeOffset("NextAt")!.Value;

        await gate.WaitTurnAsync("facebook|page-late", 2, CancellationToken.None);
        var afterFirst = await NextAtAsync();
        await gate.WaitTurnAsync("facebook|page-late", 2, CancellationToken.None);
        var afterSecond = await NextAtAsync();

        Assert.Equal(2, clock.Timers); // the late wait, then the wait for the slot claimed again
        Assert.True(afterSecond - afterFirst >= 2 * Spacing, $"the row moved {(afterSecond - afterFirst).TotalMilliseconds} ms: the late slot was used");
        // A timer can fire a millisecond or so before the wall clock reads its due time (the two are different clocks on
        // Linux); what matters is that the call does not come a slot early (the calls' margin is 0.25 s).
        var returnedAt = clock.GetUtcNow();
        Assert.True(returnedAt >= afterSecond - Spacing - TimeSpan.FromMilliseconds(15), $"returned {(afterSecond - Spacing - returnedAt).TotalMilliseconds} ms before the slot it claimed again");
    }

    /// <summary>The system clock, except that the first timer fires <paramref name="late"/> after it should.</summary>
    private sealed class OversleepingClock(TimeSpan late) : TimeProvider
    {
        private long offsetTicks;

        public int Timers { get; private set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (Timers++ == 0)
            {
                return System.CreateTimer(s => { Interlocked.Add(ref offsetTicks, late.Ticks); callback(s); }, state, dueTime, period);
            }

            return System.CreateTimer(callback, state, dueTime, period);
        }
    }
}
