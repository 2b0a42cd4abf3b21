using System.Globalization;
using System.Runtime.InteropServices;

namespace Harasocial.ChannelSimulator;

/// <summary><c>dotnet run --project src/Harasocial.ChannelSimulator [-- --port 7081 --scenario file.json --webhook-target URL]</c>.</summary>
internal static class SimulatorProgram
{
    public static async Task<int> Main(string[] args)
    {
        var port = 7081;
        var scenario = Scenario.Default;
        Uri? target = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--port": port = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--scenario": scenario = Scenario.Parse(await File.ReadAllTextAsync(args[i + 1]).ConfigureAwait(false)); break;
                case "--webhook-target": target = new Uri(args[i + 1].EndsWith('/') ? args[i + 1] : args[i + 1] + "/"); break;
                default: await Console.Error.WriteLineAsync($"Unknown option {args[i]}").ConfigureAwait(false); return 2;
            }
        }

        await using var server = await SimulatorServer.StartAsync(scenario, new SimulatorServerOptions
        {
            Port = port,
            WebhookTarget = target,
            ConsoleLogging = true,
        }).ConfigureAwait(false);
        Console.WriteLine($"Channel simulator at {server.BaseUri}");
        Console.WriteLine($"  Graph        {server.GraphBaseUri}");
        Console.WriteLine($"  Zalo OpenAPI {server.ZaloOpenApiBaseUri}");
        Console.WriteLine($"  Zalo OAuth   {server.ZaloOAuthBaseUri}");
        Console.WriteLine($"  Shopee       {server.ShopeeBaseUri}");
        Console.WriteLine($"  Control      {server.BaseUri}_sim/accounts");
        Console.WriteLine($"  Webhooks  -> {target?.ToString() ?? "(none; PUT /_sim/webhook-target)"}");
        foreach (var a in server.State.Accounts)
        {
            Console.WriteLine($"  {a.Channel,-9} {a.Id,-20} {a.Name} token={a.AccessToken} threads={string.Join(',', a.Threads.Select(t => $"{t.Key}:{t.Value}"))}");
        }

        // Stop on Ctrl+C (SIGINT) or SIGTERM (what scripts and `kill` send); a second signal is harmless.
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await stop.Task.ConfigureAwait(false);
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }
}
