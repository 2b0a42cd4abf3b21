using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Harasocial.ChannelSimulator;
using Harasocial.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests;

/// <summary>
/// The app wired to a channel simulator over Azurite, with a tenant ready: what every sync test starts from.
/// Several app instances (same storage prefix) can be started to play a scaled-out deployment.
/// </summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    private readonly AzuriteFixture azurite;
    private readonly List<AppFactory> apps = [];
    private readonly Action<IServiceCollection>? services;
    private readonly Dictionary<string, string?> settings;

    private readonly bool kestrel;

    private SyncHarness(AzuriteFixture azurite, SimulatorServer simulator, Dictionary<string, string?> settings, Action<IServiceCollection>? services, bool kestrel)
    {
        this.kestrel = kestrel;
        this.azurite = azurite;
        Simulator = simulator;
        this.settings = settings;
        this.services = services;
        Prefix = azurite.UniqueName(string.Empty);
    }

    public SimulatorServer Simulator { get; }

    public string Prefix { get; }

    public AppFactory App => apps[0];

    /// <summary>The first instance's loopback address when started with Kestrel.</summary>
    public Uri? BaseUri { get; private set; }

    public HttpClient Client { get; private set; } = null!;

    public string TenantKey { get; private set; } = null!;

    /// <summary>
    /// <paramref name="kestrel"/>: the first app instance listens on a real loopback port and the simulator sends its
    /// signed webhooks there (echoes, inbound messages), as the platforms would.
    /// </summary>
    public static async Task<SyncHarness> StartAsync(
        AzuriteFixture azurite, Scenario scenario, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, bool kestrel = false)
    {
        var simulator = await SimulatorServer.StartAsync(scenario);
        var all = ChannelSettings(simulator);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var harness = new SyncHarness(azurite, simulator, all, services, kestrel);
        harness.AddInstance();
        if (kestrel)
        {
            simulator.State.WebhookTarget = harness.BaseUri;
        }

        harness.TenantKey = await harness.CreateTenantAsync("seller");
        harness.Client = harness.App.CreateClient(harness.TenantKey);
        return harness;
    }

    public static Dictionary<string, string?> ChannelSettings(SimulatorServer simulator) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Channels:Facebook:GraphApiBaseUrl"] = simulator.GraphBaseUri.ToString(),
        ["Channels:Facebook:AppSecret"] = "sim-meta-secret",
        ["Channels:Facebook:AppId"] = "100200300",
        ["Channels:Facebook:VerifyToken"] = "verify-me",
        ["Channels:Zalo:OpenApiBaseUrl"] = simulator.ZaloOpenApiBaseUri.ToString(),
        ["Channels:Zalo:OAuthBaseUrl"] = simulator.ZaloOAuthBaseUri.ToString(),
        ["Channels:Zalo:AppId"] = "2000000001",
        ["Channels:Zalo:AppSecret"] = "sim-zalo-app-secret",
        ["Channels:Zalo:OaSecretKey"] = "sim-zalo-oa-secret",
        ["Channels:Shopee:ApiBaseUrl"] = simulator.ShopeeBaseUri.ToString(),
        ["Channels:Shopee:PartnerId"] = "1000001",
        ["Channels:Shopee:PartnerKey"] = "sim-shopee-partner-key",
        ["Channels:Shopee:PushCallbackUrl"] = "http://localhost/api/webhooks/shopee",
        ["Sync:DefaultThrottleWait"] = "00:00:02",
        ["Sync:MaxThrottleWait"] = "00:00:03",
    };

    /// <summary>Starts one more app instance sharing storage with the others.</summary>
    public AppFactory AddInstance()
    {
        var app = new AppFactory(azurite, Prefix, services, settings);
        if (kestrel && apps.Count == 0)
        {
            var port = FreePort.Next();
            app.UseKestrel(port);
            app.StartServer();
            BaseUri = new Uri($"http://127.0.0.1:{port}/");
        }
        else
        {
            _ = app.Server;
        }

        apps.Add(app);
        return app;
    }

    public async Task<string> CreateTenantAsync(string id)
    {
        using var admin = App.CreateClient(AppFactory.AdminKey);
        using var response = await admin.PostAsJsonAsync("/api/tenants", new { id, name = id });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["apiKey"]!.GetValue<string>();
    }

    /// <summary>
    /// Connects an account with its real simulator token (the app proves ownership with the channel first); returns
    /// (connection id, job id). A 503 (the channel did not answer the ownership check, e.g. under injected faults) is
    /// retried as a client would, after its Retry-After.
    /// </summary>
    public async Task<(string ConnectionId, string JobId)> ConnectAsync(string channel, string externalId, string token, string? refreshToken = null, string? linkedPageId = null, HttpClient? client = null)
    {
        var attempts = 0;
        HttpResponseMessage response;
        while (true)
        {
            response = await (client ?? Client).PostAsJsonAsync("/api/connections", new { channel, externalId, accessToken = token, refreshToken, linkedPageId });
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || ++attempts >= 30)
            {
                break;
            }

            response.Dispose();
            await Task.Delay(200);
        }

        using var answer = response;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        var json = JsonNode.Parse(body)!;
        return (json["connection"]!["id"]!.GetValue<string>(), json["job"]!["id"]!.GetValue<string>());
    }

    public async Task<JsonNode> GetJsonAsync(string path, HttpClient? client = null)
    {
        using var response = await (client ?? Client).GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>
    /// Waits until the job ends and returns it; fails the test if it does not end in time. A completed job is checked
    /// against storage (<see cref="AssertCountsAreStoredAsync"/>). <paramref name="client"/>: the tenant's client of
    /// an app other than the in-process one (a test that runs the app as a process).
    /// </summary>
    public async Task<JsonNode> WaitForJobAsync(string jobId, TimeSpan? timeout = null, HttpClient? client = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var job = await GetJsonAsync($"/api/sync-jobs/{jobId}", client);
            var status = job["status"]!.GetValue<string>();
            if (status is "completed" or "failed" or "cancelled")
            {
                if (status == "completed")
                {
                    await AssertCountsAreStoredAsync(job, client);
                }

                return job;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Job {jobId} still {status} ({job["phase"]}): {job.ToJsonString()}\n{await QueueReportAsync()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Counts are the truth (issue 14), checked after every completed job of every sync test: when the job is its
    /// connection's only writer so far (its only job, and no webhook has counted anything), the job's progress, the
    /// rows stored and the connection's counts agree — for conversations and for messages. The connection takes the
    /// job's counts when the job's finish hands it back (activeJobId cleared), a moment after the job reads completed.
    /// </summary>
    public async Task AssertCountsAreStoredAsync(JsonNode job, HttpClient? client = null)
    {
        var connectionId = job["connectionId"]!.GetValue<string>();
        var jobs = (await GetJsonAsync($"/api/connections/{connectionId}/sync-jobs?limit=100", client))["items"]!.AsArray();
        var stored = Stored(connectionId);
        if (jobs.Count != 1 || await stored.CountAsync("counters", connectionId) > 0)
        {
            return;
        }

        var jobId = job["id"]!.GetValue<string>();
        JsonNode connection = null!;
        await Eventually.TrueAsync(async () =>
        {
            connection = await GetJsonAsync($"/api/connections/{connectionId}", client);
            return connection["activeJobId"]?.GetValue<string>() != jobId;
        });
        var messages = await stored.MessagesByCustomerAsync();
        var (progress, counts) = (job["progress"]!, connection["counts"]!);
        var summary = $"{job["kind"]} job {jobId} of {connection["channel"]}: progress {progress.ToJsonString()}, counts {counts.ToJsonString()}, "
            + $"stored {messages.Count} conversations / {messages.Values.Sum()} messages";
        Assert.True(progress["conversations"]!.GetValue<int>() == messages.Count && counts["conversations"]!.GetValue<int>() == messages.Count, summary);
        Assert.True(progress["messages"]!.GetValue<long>() == messages.Values.Sum() && counts["messages"]!.GetValue<long>() == messages.Values.Sum(), summary);
    }

    /// <summary>What is left on the webhook queues: for failure messages.</summary>
    public async Task<string> QueueReportAsync()
    {
        var queues = TestStorage.Queues(azurite);
        var report = new System.Text.StringBuilder();
        foreach (var name in new[] { "webhooks", "webhooks-poison" })
        {
            var queue = queues.GetQueueClient(Prefix + name);
            var count = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            report.Append(name).Append(": ").Append(count).AppendLine(" messages");
            if (count == 0)
            {
                continue;
            }

            foreach (var message in (await queue.PeekMessagesAsync(3)).Value)
            {
                report.AppendLine(message.Body.ToString());
            }
        }

        return report.ToString();
    }

    public StoredData Stored(string connectionId) => new(azurite, Prefix, connectionId);

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }

        await Simulator.DisposeAsync();
    }

    /// <summary>Builds the app's settings as environment variables, for running it as a separate process.</summary>
    public Dictionary<string, string?> ProcessEnvironment() => new(settings.ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value))
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["Storage__NamePrefix"] = Prefix,
        ["Auth__AdminKey"] = AppFactory.AdminKey,
        ["Security__TokenEncryptionKey"] = AppFactory.EncryptionKey,
        ["Hosting__RetryDelay"] = "00:00:00",
        ["Hosting__MaxPollingInterval"] = "00:00:00.200",
        ["Hosting__VisibilityTimeout"] = "00:00:10",
        ["Sync__ActivityRetryInterval"] = "00:00:00.200",
        ["Durable__MaxQueuePollingInterval"] = "00:00:00.200",
        ["Durable__LeaseInterval"] = "00:00:06",
        ["Durable__WorkItemVisibilityTimeout"] = "00:00:10",
    };
}
