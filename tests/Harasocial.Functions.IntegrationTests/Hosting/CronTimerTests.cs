using Harasocial.Sync.Functions;
using Harasocial.Functions.IntegrationTests.Functions;
using Harasocial.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests.Hosting;

[Collection(AzuriteCollection.Name)]
public sealed class CronTimerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TwoInstances_EverySecondTimer_EachTickRunsOnce()
    {
        var recorder = new Recorder();
        void Services(IServiceCollection s)
        {
            s.AddSingleton(recorder);
            s.AddFunction(TimerFunction.For<RecordingTimerHandler>("TestTimer", "Test:Schedule", "* * * * * *"));
        }

        await using var first = new AppFactory(azurite, services: Services);
        await using var second = new AppFactory(azurite, first.Prefix, Services);
        _ = first.Server;
        _ = second.Server;

        await Eventually.TrueAsync(() => recorder.Ticks.Count >= 4, TimeSpan.FromSeconds(20));
        await Task.Delay(1500);

        var ticks = recorder.Ticks.Select(t => t.ScheduledAt).ToList();
        Assert.Equal(ticks.Count, ticks.Distinct().Count());
        Assert.All(ticks, t => Assert.Equal(0, t.Millisecond));
    }
}
