using System.Diagnostics;
using System.Text.Json.Nodes;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Hosting;

/// <summary>
/// <c>dotnet publish</c> of the worker is a complete Functions app for the real host: the function list with every
/// binding, the host-side extensions (Durable Task, Storage Queues) and their assemblies, the worker's start-up
/// configuration, host.json and the dashboard's files.
/// </summary>
public sealed class PublishTests
{
    [Fact]
    public async Task Publish_Worker_HasEverythingTheFunctionsHostReads()
    {
        var output = Directory.CreateTempSubdirectory("harasocial-publish-").FullName;
        try
        {
            // --no-build: ./test.sh built the solution in Release just before.
            var (exit, log) = await RunAsync("dotnet", "publish", Path.Combine(RepoPaths.Root, "src", "Harasocial.Functions"), "-c", "Release", "--no-build", "-o", output, "-nologo");
            Assert.True(exit == 0, log);

            var metadata = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "functions.metadata")))!.AsArray();
            var triggers = metadata.Select(f => f!["bindings"]!.AsArray().Select(b => b!["type"]!.GetValue<string>()).Single(t => t.EndsWith("Trigger", StringComparison.Ordinal))).ToList();
            Assert.Equal(27, triggers.Count(t => t == "httpTrigger"));
            Assert.Equal(1, triggers.Count(t => t == "queueTrigger"));
            Assert.Equal(1, triggers.Count(t => t == "timerTrigger"));
            Assert.Equal(6, triggers.Count(t => t == "orchestrationTrigger"));
            Assert.Equal(9, triggers.Count(t => t == "activityTrigger"));
            Assert.All(metadata, f => Assert.Equal("dotnet-isolated", f!["language"]!.GetValue<string>()));

            var extensions = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "extensions.json")))!["extensions"]!.AsArray()
                .Select(e => e!["name"]!.GetValue<string>()).ToList();
            Assert.Contains("DurableTask", extensions);
            Assert.Contains("AzureStorageQueues", extensions);
            Assert.True(File.Exists(Path.Combine(output, ".azurefunctions", "Microsoft.Azure.WebJobs.Extensions.DurableTask.dll")));

            var workerConfig = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "worker.config.json")))!;
            Assert.Equal("Harasocial.Functions.dll", workerConfig["description"]!["defaultWorkerPath"]!.GetValue<string>());
            var host = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "host.json")))!;
            Assert.Equal("%Durable__HubName%", host["extensions"]!["durableTask"]!["hubName"]!.GetValue<string>());
            Assert.Null(host["customHandler"]);
            Assert.True(File.Exists(Path.Combine(output, "wwwroot", "index.html")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<(int Exit, string Log)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
