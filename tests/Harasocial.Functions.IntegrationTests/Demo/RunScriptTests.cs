using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Demo;

/// <summary>
/// <c>./run.sh</c> end to end on a small scenario. Issue 18: the log folder was printed only at shutdown, the admin key
/// was on a child's command line (visible in <c>ps</c>), and the summary had no posts column and did not say why 5 of 8
/// posts were imported.
/// </summary>
public sealed class RunScriptTests
{
    private const string AdminKey = "run-sh-test-admin-key-6c1f0a93d2";

    private const string Scenario = """
        { "seed": 18, "rateLimits": { "graphConversationCallsPerSecond": 0 },
          "accounts": [ { "channel": "facebook", "id": "1800001", "name": "Tiệm Demo", "accessToken": "fb-demo",
            "threads": [ { "count": 6, "ageDays": [0, 5], "messages": [2, 4] } ],
            "posts": { "count": 8, "comments": [1, 3] } } ] }
        """;

    [Fact]
    public async Task RunSh_LogFolderFirst_KeysNotOnCommandLines_SummaryHasPostsAndTheirLimit()
    {
        var scenario = Path.Combine(Path.GetTempPath(), $"run-sh-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(scenario, Scenario);
        var ports = FreePort.Next(2);
        var azurite = FreeBase(3);
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "run.sh", "--port", $"{ports[0]}", "--sim-port", $"{ports[1]}", "--azurite-port", $"{azurite}", "--scenario", scenario, "--buyer-interval", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Auth__AdminKey"] = AdminKey;
        var output = new StringBuilder();
        using var script = Process.Start(start)!;
        var running = new TaskCompletionSource();
        script.OutputDataReceived += (_, e) => Append(e.Data);
        script.ErrorDataReceived += (_, e) => Append(e.Data);
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
        try
        {
            await running.Task.WaitAsync(TimeSpan.FromMinutes(5));
            var text = Text();
            var lines = text.Split('\n');

            // The log folder comes first, and exists.
            Assert.StartsWith("== logs", lines[0], StringComparison.Ordinal);
            Assert.True(Directory.Exists(lines[0][(lines[0].LastIndexOf(' ') + 1)..].Trim()), lines[0]);

            // No process shows the admin key on its command line.
            foreach (var cmdline in Directory.GetDirectories("/proc").Select(d => Path.Combine(d, "cmdline")))
            {
                string args;
                try
                {
                    args = (await File.ReadAllTextAsync(cmdline)).Replace('\0', ' ');
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                Assert.DoesNotContain(AdminKey, args, StringComparison.Ordinal);
            }

            // The summary: a posts column, and why 5 of the 8 posts.
            var header = Array.FindIndex(lines, l => l.Contains("channel", StringComparison.Ordinal) && l.Contains("messages", StringComparison.Ordinal));
            Assert.Matches(@"convs\s+messages\s+posts\s+comments", lines[header]);
            Assert.Matches(@"facebook\s+Tiệm Demo\s+completed\s+6\s+\d+\s+5\s+\d+", lines[header + 1]);
            Assert.Contains("posts: 5 — the 5 newest (the limit)", text, StringComparison.Ordinal);
        }
        finally
        {
            using (var kill = Process.Start("kill", ["-INT", $"{script.Id}"]))
            {
                await kill.WaitForExitAsync();
            }

            // WaitForExitAsync also waits for the output to be read to its end (the cleanup's last line).
            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await script.WaitForExitAsync(stopped.Token);
            }
            catch (OperationCanceledException)
            {
                script.Kill(entireProcessTree: true);
            }

            File.Delete(scenario);
        }

        Assert.Contains("stopped; logs in", Text(), StringComparison.Ordinal);

        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.Append(line).Append('\n');
            }

            if (line.Contains("demo is running", StringComparison.Ordinal) || line.StartsWith("demo failed", StringComparison.Ordinal))
            {
                running.TrySetResult();
            }
        }

        string Text()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>The first of <paramref name="count"/> consecutive free loopback ports (Azurite takes blob, queue, table in a row).</summary>
    private static int FreeBase(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = Random.Shared.Next(20000, 40000);
            var listeners = new List<TcpListener>();
            try
            {
                for (var i = 0; i < count; i++)
                {
                    var listener = new TcpListener(IPAddress.Loopback, first + i);
                    listener.Start();
                    listeners.Add(listener);
                }

                return first;
            }
            catch (SocketException)
            {
                // Taken: try another range.
            }
            finally
            {
                listeners.ForEach(l => l.Stop());
            }
        }

        throw new InvalidOperationException("No three consecutive free ports.");
    }
}
