using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harasocial.ChannelSimulator;
using Harasocial.Functions.Hosting;
using Harasocial.Functions.IntegrationTests.Realtime;
using Harasocial.Sync.Api;
using Harasocial.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Harasocial.Functions.IntegrationTests.Hosting;

/// <summary>
/// The Functions worker's HTTP functions called directly, without a Functions host: a <see cref="DefaultHttpContext"/>
/// goes through the worker's request pipeline (the startup filter's) into the <c>[Function]</c> method, with the
/// worker's own services (storage on Azurite, the simulator as the channels) and a Durable client of the standalone
/// host's task hub. Every HTTP function answers once as it should and once with a problem.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WorkerFunctionTests(AzuriteFixture azurite)
{
    private const string Page = "7990001";
    private const string Oa = "3000000000007990002";

    private static readonly Scenario Accounts = Scenario.Parse($$"""
        { "seed": 199, "rateLimits": { "graphConversationCallsPerSecond": 0 },
          "accounts": [
            { "channel": "facebook", "id": "{{Page}}", "accessToken": "fb-t", "threads": [ { "count": 3, "ageDays": [0, 3], "messages": 2 } ],
              "posts": { "count": 2, "comments": 2 } },
            { "channel": "zalo", "id": "{{Oa}}", "accessToken": "z-at", "refreshToken": "z-rt", "threads": [ { "count": 3, "ageDays": [0, 3], "messages": 2 } ] } ] }
        """);

    [Fact]
    public async Task EveryHttpFunction_CalledDirectly_AnswersAndRefuses()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Accounts);
        await using var worker = Worker(harness, storage: azurite.ConnectionString);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        async Task<(int Status, JsonNode? Body)> Call(string function, string method, string path, string? key, object? body = null, string? raw = null, (string, string)? header = null)
        {
            seen.Add(function);
            return await worker.CallAsync(function, method, path, key, body, raw, header);
        }

        var admin = AppFactory.AdminKey;
        Assert.Equal(201, (await Call("CreateTenant", "POST", "/api/tenants", admin, new { id = "worker-shop", name = "Worker shop" })).Status);
        Assert.Equal(403, (await Call("CreateTenant", "POST", "/api/tenants", harness.TenantKey, new { id = "x1", name = "x" })).Status);
        Assert.Equal(200, (await Call("GetTenant", "GET", "/api/tenants/seller", harness.TenantKey)).Status);
        Assert.Equal(404, (await Call("GetTenant", "GET", "/api/tenants/worker-shop", harness.TenantKey)).Status);

        var key = harness.TenantKey;
        var created = await Call("CreateConnection", "POST", "/api/connections", key, new { channel = "facebook", externalId = Page, accessToken = "fb-t" });
        Assert.Equal(202, created.Status);
        Assert.Equal(400, (await Call("CreateConnection", "POST", "/api/connections", key, new { channel = "myspace" })).Status);
        var (connection, job) = (created.Body!["connection"]!["id"]!.GetValue<string>(), created.Body["job"]!["id"]!.GetValue<string>());
        var zalo = await Call("CreateConnection", "POST", "/api/connections", key, new { channel = "zalo", externalId = Oa, accessToken = "z-at", refreshToken = "z-rt" });
        Assert.Equal(202, zalo.Status);
        var zaloConnection = zalo.Body!["connection"]!["id"]!.GetValue<string>();
        Assert.Equal("completed", (await harness.WaitForJobAsync(job))["status"]!.GetValue<string>());
        Assert.Equal("completed", (await harness.WaitForJobAsync(zalo.Body["job"]!["id"]!.GetValue<string>()))["status"]!.GetValue<string>());

        Assert.Equal(200, (await Call("ListConnections", "GET", "/api/connections", key)).Status);
        Assert.Equal(401, (await Call("ListConnections", "GET", "/api/connections", null)).Status);
        Assert.Equal(200, (await Call("GetConnection", "GET", $"/api/connections/{connection}", key)).Status);
        Assert.Equal(404, (await Call("GetConnection", "GET", "/api/connections/cn_nothere", key)).Status);
        Assert.Equal(200, (await Call("UpdateConnection", "PATCH", $"/api/connections/{connection}", key, new { settings = new { syncSpam = false } })).Status);
        Assert.Equal(400, (await Call("UpdateConnection", "PATCH", $"/api/connections/{connection}", key, new { })).Status);

        var resync = await Call("StartSync", "POST", $"/api/connections/{connection}/sync", key, new { kind = "resync" });
        Assert.Equal(202, resync.Status);
        Assert.Equal(400, (await Call("StartSync", "POST", $"/api/connections/{connection}/sync", key, new { kind = "everything" })).Status);
        Assert.Equal(200, (await Call("ListSyncJobs", "GET", $"/api/connections/{connection}/sync-jobs", key)).Status);
        Assert.Equal(404, (await Call("ListSyncJobs", "GET", "/api/connections/cn_nothere/sync-jobs", key)).Status);
        Assert.Equal(200, (await Call("GetSyncJob", "GET", $"/api/sync-jobs/{job}", key)).Status);
        Assert.Equal(404, (await Call("GetSyncJob", "GET", "/api/sync-jobs/cn_nothere-j0", key)).Status);
        Assert.Equal(200, (await Call("CancelSyncJob", "POST", $"/api/sync-jobs/{resync.Body!["job"]!["id"]!.GetValue<string>()}/cancel", key)).Status);
        Assert.Equal(404, (await Call("CancelSyncJob", "POST", "/api/sync-jobs/cn_nothere-j0/cancel", key)).Status);
        Assert.Equal(202, (await Call("LoadMoreConversations", "POST", $"/api/connections/{zaloConnection}/conversations/load-more", key)).Status);
        Assert.Equal(400, (await Call("LoadMoreConversations", "POST", $"/api/connections/{connection}/conversations/load-more", key)).Status);

        var conversations = await Call("ListConversations", "GET", $"/api/connections/{connection}/conversations", key);
        Assert.Equal(200, conversations.Status);
        Assert.Equal(400, (await Call("ListConversations", "GET", $"/api/connections/{connection}/conversations?folder=junk", key)).Status);
        var conversation = conversations.Body!["items"]![0]!["id"]!.GetValue<string>();
        Assert.Equal(200, (await Call("GetConversation", "GET", $"/api/conversations/{conversation}", key)).Status);
        Assert.Equal(404, (await Call("GetConversation", "GET", $"/api/conversations/{connection}.bm90aGVyZQ", key)).Status);
        Assert.Equal(200, (await Call("ListMessages", "GET", $"/api/conversations/{conversation}/messages", key)).Status);
        Assert.Equal(400, (await Call("ListMessages", "GET", $"/api/conversations/{conversation}/messages?limit=0", key)).Status);
        Assert.Equal(201, (await Call("SendReply", "POST", $"/api/conversations/{conversation}/messages", key, new { text = "Dạ shop chào bạn" })).Status);
        Assert.Equal(400, (await Call("SendReply", "POST", $"/api/conversations/{conversation}/messages", key, new { text = "   " })).Status);
        var posts = await Call("ListPosts", "GET", $"/api/connections/{connection}/posts", key);
        Assert.Equal(200, posts.Status);
        Assert.Equal(404, (await Call("ListPosts", "GET", "/api/connections/cn_nothere/posts", key)).Status);
        Assert.Equal(200, (await Call("ListComments", "GET", $"/api/posts/{posts.Body!["items"]![0]!["id"]!.GetValue<string>()}/comments", key)).Status);
        Assert.Equal(404, (await Call("ListComments", "GET", "/api/posts/nothing/comments", key)).Status);

        foreach (var channel in new[] { "Facebook", "Instagram" })
        {
            var path = $"/api/webhooks/{channel.ToLowerInvariant()}?hub.mode=subscribe&hub.challenge=4242&hub.verify_token=";
            Assert.Equal(200, (await Call(channel + "WebhookVerify", "GET", path + "verify-me", null)).Status);
            Assert.Equal(403, (await Call(channel + "WebhookVerify", "GET", path + "wrong", null)).Status);
        }

        var now = DateTimeOffset.UtcNow;
        var bodies = new Dictionary<string, string>
        {
            ["facebook"] = WebhookPoster.MessageBody(Page, "5550000000000111", "m_worker_1", "hello", now),
            ["instagram"] = """{"object":"instagram","entry":[]}""",
            ["zalo"] = WebhookPoster.ZaloMessageBody(Oa, "5550000000000222", "z_worker_1", "hello", now),
            ["shopee"] = """{"shop_id":7990003,"code":10,"timestamp":NOW,"data":{"type":"notification","content":{}}}""".Replace("NOW", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
        };
        foreach (var (channel, body) in bodies)
        {
            var function = char.ToUpperInvariant(channel[0]) + channel[1..] + "Webhook";
            Assert.Equal(200, (await Call(function, "POST", $"/api/webhooks/{channel}", null, raw: body, header: WebhookPoster.Sign(channel, body))).Status);
            Assert.Equal(401, (await Call(function, "POST", $"/api/webhooks/{channel}", null, raw: body)).Status);
        }

        Assert.Equal(200, (await Call("Health", "GET", "/api/health", null)).Status);
        Assert.Equal(200, (await Call("Dashboard", "GET", "/", null)).Status);
        Assert.Equal(413, (await Call("Dashboard", "GET", "/", null, raw: new string('x', 1024 * 1024 + 1))).Status);
        Assert.Equal(200, (await Call("DashboardAsset", "GET", "/dashboard/dashboard.js", null)).Status);
        Assert.Equal(404, (await Call("DashboardAsset", "GET", "/dashboard/nothing.js", null)).Status);
        Assert.Equal(204, (await Call("DeleteConnection", "DELETE", $"/api/connections/{zaloConnection}", key)).Status);
        Assert.Equal(404, (await Call("DeleteConnection", "DELETE", "/api/connections/cn_nothere", key)).Status);

        // Health's problem: storage that does not answer.
        await using (var cut = Worker(harness, storage: "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AzuriteFixture.AccountKey + ";TableEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;"))
        {
            Assert.Equal(503, (await cut.CallAsync("Health", "GET", "/api/health", null)).Status);
        }

        Assert.Equal(WorkerHost.HttpFunctionNames().Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The queue and timer functions with a test <see cref="FunctionContext"/>: a webhook the worker's intake queued is
    /// applied by <c>WebhookEvent</c> (the standalone host's own listener is off here), and <c>Resync</c> starts the
    /// connection's resync orchestration.
    /// </summary>
    [Fact]
    public async Task QueueAndTimerFunctions_TestContext_ApplyTheWebhookAndStartTheResync()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, Accounts, new Dictionary<string, string?> { ["Hosting:Triggers"] = "false" });
        var (connection, job) = await harness.ConnectAsync("facebook", Page, "fb-t");
        await harness.WaitForJobAsync(job);
        await using var worker = Worker(harness, storage: azurite.ConnectionString);
        var body = WebhookPoster.MessageBody(Page, "5550000000000333", "m_worker_queue", "Còn size M không?", DateTimeOffset.UtcNow);
        Assert.Equal(200, (await worker.CallAsync("FacebookWebhook", "POST", "/api/webhooks/facebook", null, raw: body, header: WebhookPoster.Sign("facebook", body))).Status);
        var queue = TestStorage.Queues(azurite).GetQueueClient(harness.Prefix + "webhooks");
        var message = (await queue.ReceiveMessageAsync()).Value;
        Assert.NotNull(message);

        await worker.RunQueueAsync("WebhookEvent", message.Body.ToString(), dequeueCount: 1);
        await worker.RunTimerAsync("Resync");

        Assert.Contains("5550000000000333", await harness.Stored(connection).CustomersAsync("inbox"));
        var jobs = await harness.GetJsonAsync($"/api/connections/{connection}/sync-jobs");
        Assert.Contains(jobs["items"]!.AsArray(), j => j!["kind"]!.GetValue<string>() == "resync");
    }

    private static WorkerHost Worker(SyncHarness harness, string storage)
    {
        var settings = SyncHarness.ChannelSettings(harness.Simulator);
        settings["AzureWebJobsStorage"] = storage;
        settings["Storage:NamePrefix"] = harness.Prefix;
        settings["Auth:AdminKey"] = AppFactory.AdminKey;
        settings["Security:TokenEncryptionKey"] = AppFactory.EncryptionKey;
        return new WorkerHost(settings, harness.App.Services.GetRequiredService<DurableTaskClient>());
    }

    /// <summary>The worker's services and request pipeline, without the Functions host.</summary>
    private sealed class WorkerHost : IAsyncDisposable
    {
        private static readonly Type[] FunctionClasses = [.. typeof(HttpInvoker).Assembly.GetTypes().Where(t => t.Namespace == "Harasocial.Functions.Functions")];
        private readonly ServiceProvider services;
        private readonly DurableTaskClient durable;
        private readonly RequestDelegate pipeline;

        public WorkerHost(Dictionary<string, string?> settings, DurableTaskClient durable)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            var collection = new ServiceCollection();
            collection.AddSingleton<IConfiguration>(configuration);
            collection.AddLogging();
            collection.AddSingleton(new DiagnosticListener("worker-test"));
            var environment = new WebRoot(Path.Combine(RepoPaths.Root, "src", "Harasocial.Sync", "wwwroot"));
            collection.AddSingleton<IWebHostEnvironment>(environment);
            collection.AddSingleton<IHostEnvironment>(environment);
            collection.AddWorkerApp(configuration);
            services = collection.BuildServiceProvider();
            this.durable = durable;
            var app = new ApplicationBuilder(services);
            app.UseApiPipeline();
            app.Run(InvokeFunctionAsync);
            pipeline = app.Build();
        }

        public static IEnumerable<string> HttpFunctionNames() =>
            FunctionClasses.SelectMany(t => t.GetMethods()).Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null))
                .Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name);

        public async Task<(int Status, JsonNode? Body)> CallAsync(string function, string method, string path, string? key, object? body = null, string? raw = null, (string Name, string Value)? header = null)
        {
            await using var scope = services.CreateAsyncScope();
            var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            var query = path.IndexOf('?', StringComparison.Ordinal);
            http.Request.Method = method;
            http.Request.Path = query < 0 ? path : path[..query];
            http.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
            http.Items["function"] = function;
            if (key is not null)
            {
                http.Request.Headers["X-Api-Key"] = key;
            }

            if (header is { } h)
            {
                http.Request.Headers[h.Name] = h.Value;
            }

            var content = raw ?? (body is null ? null : JsonSerializer.Serialize(body));
            if (content is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(content);
                http.Request.Body = new MemoryStream(bytes);
                http.Request.ContentLength = bytes.Length;
                http.Request.ContentType = "application/json";
            }

            http.Response.Body = new MemoryStream();
            await pipeline(http);
            http.Response.Body.Position = 0;
            var text = await new StreamReader(http.Response.Body).ReadToEndAsync();
            var json = text.Length > 0 && (http.Response.ContentType?.Contains("json", StringComparison.Ordinal) ?? false) ? JsonNode.Parse(text) : null;
            return (http.Response.StatusCode, json);
        }

        /// <summary>The end of the pipeline: what the worker's routing does, then the <c>[Function]</c> method itself.</summary>
        private async Task InvokeFunctionAsync(HttpContext http)
        {
            var name = (string)http.Items["function"]!;
            var method = FunctionClasses.SelectMany(t => t.GetMethods()).Single(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == name);
            var route = method.GetParameters()[0].GetCustomAttribute<HttpTriggerAttribute>()!.Route!;
            var values = new RouteValueDictionary();
            Assert.True(new TemplateMatcher(TemplateParser.Parse(route), []).TryMatch(http.Request.Path, values), $"{http.Request.Path} is not {name}'s route {route}");
            http.Request.RouteValues = values;
            var instance = ActivatorUtilities.CreateInstance(http.RequestServices, method.DeclaringType!);
            var result = await (Task<IResult>)method.Invoke(instance, [http.Request, durable])!;
            await result.ExecuteAsync(http);
        }

        public async Task RunQueueAsync(string function, string message, long dequeueCount)
        {
            await using var scope = services.CreateAsyncScope();
            var context = new TestFunctionContext(scope.ServiceProvider, new Dictionary<string, object?> { ["Id"] = "\"m1\"", ["DequeueCount"] = dequeueCount.ToString(CultureInfo.InvariantCulture) });
            var triggers = ActivatorUtilities.CreateInstance<Harasocial.Functions.Functions.TriggerFunctions>(scope.ServiceProvider);
            Assert.Equal("WebhookEvent", function);
            await triggers.WebhookEvent(message, durable, context);
        }

        public async Task RunTimerAsync(string function)
        {
            await using var scope = services.CreateAsyncScope();
            var triggers = ActivatorUtilities.CreateInstance<Harasocial.Functions.Functions.TriggerFunctions>(scope.ServiceProvider);
            Assert.Equal("Resync", function);
            await triggers.Resync(new TimerInfo(), durable, new TestFunctionContext(scope.ServiceProvider, new Dictionary<string, object?>()));
        }

        public ValueTask DisposeAsync() => services.DisposeAsync();
    }

    /// <summary>What the worker hands a function: its scope's services and the trigger's metadata.</summary>
    private sealed class TestFunctionContext(IServiceProvider services, IReadOnlyDictionary<string, object?> data) : FunctionContext
    {
        public override string InvocationId { get; } = Guid.NewGuid().ToString("N");

        public override string FunctionId => "test";

        public override TraceContext TraceContext => null!;

        public override BindingContext BindingContext { get; } = new TestBindingContext(data);

        public override RetryContext RetryContext => null!;

        public override IServiceProvider InstanceServices { get; set; } = services;

        public override FunctionDefinition FunctionDefinition => null!;

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

        public override IInvocationFeatures Features => null!;
    }

    private sealed class TestBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData => data;
    }

    private sealed class WebRoot(string path) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = path;

        public IFileProvider WebRootFileProvider { get; set; } = new PhysicalFileProvider(path);

        public string ApplicationName { get; set; } = "Harasocial.Functions";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public string EnvironmentName { get; set; } = "Production";
    }
}
