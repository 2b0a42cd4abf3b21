using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Harasocial.Testing;

namespace Harasocial.Benchmarks;

/// <summary>
/// The app (the built Release Harasocial.Standalone.dll, standalone mode) as its own OS process, so its peak working
/// set is its own and not the benchmark runner's. One host per benchmark, each with a fresh storage prefix.
/// </summary>
internal sealed class AppHost : IAsyncDisposable
{
    public const string AdminKey = "bench-admin-key-0123456789abcdef";
    private const string EncryptionKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppHost(Process process, Uri baseUri, string prefix)
    {
        this.process = process;
        BaseUri = baseUri;
        Prefix = prefix;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseUri { get; }

    /// <summary>The storage name prefix of this app's tables and queues.</summary>
    public string Prefix { get; }

    public HttpClient Tenant { get; private set; } = null!;

    /// <summary><paramref name="settings"/> override the defaults (e.g. <c>Hosting__Triggers=false</c>: HTTP only, no queue listener).</summary>
    public static async Task<AppHost> StartAsync(AzuriteFixture azurite, string prefix, Uri simulator, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = Path.Combine(RepoPaths.Root, "src", "Harasocial.Standalone", "bin", "Release", "net10.0", "Harasocial.Standalone.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: run ./bench.sh (it builds in Release first).");
        }

        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in Environment(azurite, prefix, simulator).Concat(settings ?? new Dictionary<string, string>()))
        {
            start.Environment[key] = value;
        }

        var host = new AppHost(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"), prefix);
        await host.WaitHealthyAsync();
        using var admin = host.Client(AdminKey);
        using var response = await admin.PostAsJsonAsync("api/tenants", new { id = "bench" + Guid.NewGuid().ToString("N")[..8], name = "Bench seller" });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Tenant creation failed: {(int)response.StatusCode} {body}");
        }

        host.Tenant = host.Client(JsonNode.Parse(body)!["apiKey"]!.GetValue<string>());
        return host;
    }

    /// <summary>Peak resident set of the app process so far (VmHWM), in bytes.</summary>
    public long PeakWorkingSetBytes()
    {
        var status = $"/proc/{process.Id}/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        process.Refresh();
        return process.PeakWorkingSet64;
    }

    /// <summary>Connects an account; returns the job id.</summary>
    public async Task<string> ConnectAsync(object body)
    {
        using var response = await Tenant.PostAsJsonAsync("api/connections", body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Connect failed: {(int)response.StatusCode} {text}");
        }

        return JsonNode.Parse(text)!["job"]!["id"]!.GetValue<string>();
    }

    /// <summary>Waits until every job has ended; throws when one did not complete.</summary>
    public async Task<List<JsonNode>> WaitForJobsAsync(IReadOnlyList<string> jobs, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var done = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        while (done.Count < jobs.Count)
        {
            foreach (var job in jobs.Where(j => !done.ContainsKey(j)))
            {
                var node = (await Tenant.GetFromJsonAsync<JsonNode>($"api/sync-jobs/{job}"))!;
                var status = node["status"]!.GetValue<string>();
                if (status is "failed" or "cancelled")
                {
                    throw new InvalidOperationException($"Job {job} ended {status}: {node.ToJsonString()}");
                }

                if (status == "completed")
                {
                    done[job] = node;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{jobs.Count - done.Count} of {jobs.Count} jobs still running after {timeout}.");
            }

            if (done.Count < jobs.Count)
            {
                await Task.Delay(100);
            }
        }

        return [.. jobs.Select(j => done[j])];
    }

    public async ValueTask DisposeAsync()
    {
        Tenant?.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static Dictionary<string, string> Environment(AzuriteFixture azurite, string prefix, Uri sim) => new(StringComparer.Ordinal)
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["Storage__NamePrefix"] = prefix,
        ["Auth__AdminKey"] = AdminKey,
        ["Security__TokenEncryptionKey"] = EncryptionKey,
        ["Hosting__RetryDelay"] = "00:00:00",
        ["Hosting__MaxPollingInterval"] = "00:00:00.200",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Channels__Facebook__GraphApiBaseUrl"] = new Uri(sim, "graph/v25.0").ToString(),
        ["Channels__Facebook__AppSecret"] = "sim-meta-secret",
        ["Channels__Facebook__AppId"] = "100200300",
        ["Channels__Facebook__VerifyToken"] = "verify-me",
        ["Channels__Zalo__OpenApiBaseUrl"] = new Uri(sim, "zalo/openapi").ToString(),
        ["Channels__Zalo__OAuthBaseUrl"] = new Uri(sim, "zalo/oauth").ToString(),
        ["Channels__Zalo__AppId"] = "2000000001",
        ["Channels__Zalo__AppSecret"] = "sim-zalo-app-secret",
        ["Channels__Zalo__OaSecretKey"] = "sim-zalo-oa-secret",
        ["Channels__Shopee__ApiBaseUrl"] = new Uri(sim, "shopee").ToString(),
        ["Channels__Shopee__PartnerId"] = "1000001",
        ["Channels__Shopee__PartnerKey"] = "sim-shopee-partner-key",
        ["Channels__Shopee__PushCallbackUrl"] = "http://localhost/api/webhooks/shopee",
    };

    private HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUri, "api/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new InvalidOperationException("The app did not become healthy:\n" + Output());
            }

            await Task.Delay(200);
        }
    }

    /// <summary>What the app printed so far (its first 200,000 characters).</summary>
    public string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < 200_000)
            {
                output.AppendLine(line);
            }
        }
    }
}
