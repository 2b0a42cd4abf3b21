using System.Diagnostics;
using System.Text.Json.Nodes;
using Harasocial.Functions.Functions;
using Harasocial.Functions.Storage;
using Harasocial.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests.Functions;

[Collection(AzuriteCollection.Name)]
public sealed class ScriptRootTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task WrittenFunctionJson_MatchesTheFunctionTableRowForRow()
    {
        await using var app = new AppFactory(azurite);
        var table = app.Services.GetRequiredService<FunctionTable>();
        var root = Directory.CreateTempSubdirectory("scriptroot-").FullName;

        ScriptRootWriter.Write(table, root);

        Assert.Equal(table.All.Select(f => f.Name).Order(StringComparer.Ordinal), Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var function in table.All)
        {
            var binding = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, function.Name, "function.json")))!["bindings"]![0]!;
            switch (function)
            {
                case HttpFunction http:
                    Assert.Equal("httpTrigger", binding["type"]!.GetValue<string>());
                    Assert.Equal(http.Route, binding["route"]!.GetValue<string>());
                    Assert.Equal(http.Methods.Select(m => m.ToLowerInvariant()), binding["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
                    Assert.Equal("anonymous", binding["authLevel"]!.GetValue<string>());
                    break;
                case QueueFunction queue:
                    Assert.Equal("queueTrigger", binding["type"]!.GetValue<string>());
                    Assert.Equal(queue.QueueName, binding["queueName"]!.GetValue<string>());
                    Assert.Equal(InvocationPayload.QueueBinding, binding["name"]!.GetValue<string>());
                    break;
                case TimerFunction timer:
                    Assert.Equal("timerTrigger", binding["type"]!.GetValue<string>());
                    Assert.Equal("%" + timer.ScheduleSetting.Replace(":", "__", StringComparison.Ordinal) + "%", binding["schedule"]!.GetValue<string>());
                    break;
            }
        }
    }

    [Fact]
    public void HostJson_AgreesWithTheHandler()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")))!;

        Assert.Equal("Harasocial.Functions", host["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>());
        Assert.Contains("%FUNCTIONS_CUSTOMHANDLER_PORT%", host["customHandler"]!["description"]!["arguments"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.True(host["customHandler"]!["enableForwardingHttpRequest"]!.GetValue<bool>());
        Assert.Equal("[4.*, 5.0.0)", host["extensionBundle"]!["version"]!.GetValue<string>());
        var queues = host["extensions"]!["queues"]!;
        Assert.Equal(StorageClientFactory.MessageEncoding.ToString(), queues["messageEncoding"]!.GetValue<string>(), ignoreCase: true);
        Assert.Equal(FunctionTable.MaxDequeueCount, queues["maxDequeueCount"]!.GetValue<int>());
        Assert.Equal(FunctionTable.BatchSize, queues["batchSize"]!.GetValue<int>());
        Assert.Equal(string.Empty, host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
    }

    [Fact]
    public async Task DotnetPublish_ProducesACompleteScriptRoot()
    {
        var output = Directory.CreateTempSubdirectory("publish-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var arg in new[] { "publish", "src/Harasocial.Functions", "-c", "Release", "-r", "linux-x64", "--self-contained", "-o", output, "-nologo", "-p:TreatWarningsAsErrors=true" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var log = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, log);
        Assert.True(File.Exists(Path.Combine(output, "host.json")));
        var executable = Path.Combine(output, "Harasocial.Functions");
        Assert.True(File.Exists(executable));
        Assert.True((File.GetUnixFileMode(executable) & UnixFileMode.UserExecute) != 0, "the handler must keep its exec bit");
        foreach (var name in new[] { "Health", "CreateTenant", "Dashboard" })
        {
            Assert.True(File.Exists(Path.Combine(output, name, "function.json")), name);
        }
    }
}
