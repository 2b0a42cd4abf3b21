using System.Reflection;
using DurableTask.Core;
using Harasocial.Standalone.Hosting.Durable;

namespace Harasocial.Functions.Tests.Hosting;

public sealed class StopSafeOrchestrationServiceTests
{
    [Fact]
    public async Task Stop_NeverStarted_DoesNotReachTheService()
    {
        var (service, calls) = Recording.Create();
        var safe = new StopSafeOrchestrationService(service);

        await safe.StopAsync();

        Assert.Empty(calls);
    }

    [Fact]
    public async Task Start_AfterStop_DoesNotStartTheService()
    {
        var (service, calls) = Recording.Create();
        var safe = new StopSafeOrchestrationService(service);

        await safe.StopAsync();
        await safe.StartAsync();

        Assert.Empty(calls);
    }

    [Fact]
    public async Task Stop_WhileStarting_WaitsForTheStartThenStopsOnce()
    {
        var startGate = new TaskCompletionSource();
        var (service, calls) = Recording.Create(startGate.Task);
        var safe = new StopSafeOrchestrationService(service);

        var start = safe.StartAsync();
        var stop = safe.StopAsync();
        await Task.Delay(50);
        Assert.False(stop.IsCompleted);
        startGate.SetResult();
        await Task.WhenAll(start, stop);
        await safe.StopAsync();

        Assert.Equal(["StartAsync", "StopAsync"], calls);
    }

    /// <summary>An orchestration service that records which lifecycle calls reach it.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1852", Justification = "DispatchProxy derives a type from it at run time.")]
    internal class Recording : DispatchProxy
    {
        private List<string> calls = [];
        private Task startResult = Task.CompletedTask;

        public static (IOrchestrationService Service, List<string> Calls) Create(Task? start = null)
        {
            var proxy = DispatchProxy.Create<IOrchestrationService, Recording>();
            var recording = (Recording)(object)proxy;
            recording.startResult = start ?? Task.CompletedTask;
            return (proxy, recording.calls);
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            lock (calls)
            {
                calls.Add(targetMethod!.Name);
            }

            return targetMethod.Name == "StartAsync" ? startResult : Task.CompletedTask;
        }
    }
}
