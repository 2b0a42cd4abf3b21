using System.Text.Json.Nodes;
using Harasocial.Sync.Functions;
using Harasocial.Sync.Sync.Durable;
using Harasocial.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests.Hosting;

/// <summary>
/// The two hosts are one app: every function the Functions worker declares (its generated functions.metadata) has its
/// twin in the standalone host — each HTTP route with its methods and name, the queue, the schedule, every orchestrator
/// and activity — and nothing is extra on either side. And no HTTP route can take another function's requests.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostParityTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task FunctionsMetadata_AndStandaloneHost_ExposeTheSameFunctions()
    {
        var worker = WorkerFunctions();
        await using var app = new AppFactory(azurite);
        _ = app.Server;
        var (standalone, own) = StandaloneFunctions(app.Services);

        Assert.Equal(standalone.OrderBy(f => f, StringComparer.Ordinal), worker.OrderBy(f => f, StringComparer.Ordinal));
        Assert.Contains("http GetConnection GET api/connections/{id}", worker);
        Assert.Contains("queue WebhookEvent webhooks", worker);
        Assert.Contains("timer Resync %Sync__ResyncSchedule%", worker);
        Assert.Contains("orchestrator InitialSync", worker);
        Assert.Contains("activity ImportConversationPage", worker);

        // The standalone host's own endpoints are the API reference, and nothing it serves is a function of the worker's.
        Assert.Contains("GET openapi/v1.json", own);
        Assert.Contains("GET scalar/{documentName?}", own);
        Assert.All(own, e => Assert.True(e.StartsWith("GET openapi/", StringComparison.Ordinal) || e.StartsWith("GET scalar", StringComparison.Ordinal), e));
    }

    [Fact]
    public void HttpRoutes_NoneCanTakeAnotherFunctionsRequests()
    {
        var routes = WorkerHttpRoutes();
        foreach (var a in routes)
        {
            foreach (var b in routes.Where(b => b.Name != a.Name && b.Methods.Overlaps(a.Methods)))
            {
                Assert.False(Shadows(a.Route, b.Route), $"{a.Name} ({a.Route}) can take the requests of {b.Name} ({b.Route})");
            }
        }
    }

    [Fact]
    public void Shadows_CatchAllAtTheRoot_IsCaught()
    {
        // The check itself: the old dashboard route took every GET (health, jobs, the Meta verification).
        Assert.True(Shadows("{*path}", "api/health"));
        Assert.True(Shadows("api/connections/{id}", "api/connections/load"));
        Assert.False(Shadows("api/connections/{id}", "api/connections/{id}/sync"));
        Assert.False(Shadows("{ignored:maxlength(0)?}", "api/health"));
    }

    /// <summary>Whether a request for <paramref name="other"/>'s route (parameters filled in) also matches <paramref name="route"/>.</summary>
    private static bool Shadows(string route, string other)
    {
        var sample = string.Join('/', other.Split('/').Select(s => s.StartsWith('{') ? "sample" : s));
        return new TemplateMatcher(TemplateParser.Parse(route), []).TryMatch("/" + sample, []);
    }

    private static HashSet<string> WorkerFunctions()
    {
        var functions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in Metadata())
        {
            var name = function!["name"]!.GetValue<string>();
            var trigger = function["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))!;
            functions.Add(trigger["type"]!.GetValue<string>() switch
            {
                "httpTrigger" => $"http {name} {Methods(trigger)} {trigger["route"]!.GetValue<string>()}",
                "queueTrigger" => $"queue {name} {trigger["queueName"]!.GetValue<string>()}",
                "timerTrigger" => $"timer {name} {trigger["schedule"]!.GetValue<string>()}",
                "orchestrationTrigger" => $"orchestrator {name}",
                "activityTrigger" => $"activity {name}",
                var other => $"{other} {name}",
            });
        }

        return functions;
    }

    private static List<(string Name, string Route, HashSet<string> Methods)> WorkerHttpRoutes() =>
    [
        .. Metadata()
            .Select(f => (Name: f!["name"]!.GetValue<string>(), Trigger: f["bindings"]!.AsArray().FirstOrDefault(b => b!["type"]!.GetValue<string>() == "httpTrigger")))
            .Where(f => f.Trigger is not null)
            .Select(f => (f.Name, f.Trigger!["route"]!.GetValue<string>(), Methods(f.Trigger!).Split(',').ToHashSet(StringComparer.Ordinal))),
    ];

    /// <summary>The standalone host's functions, and apart from them its own endpoints (the API reference).</summary>
    private static (HashSet<string> Functions, List<string> Own) StandaloneFunctions(IServiceProvider services)
    {
        var functions = new HashSet<string>(StringComparer.Ordinal);
        var own = new List<string>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            var methods = string.Join(',', (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Order(StringComparer.Ordinal));
            var route = endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<Harasocial.Standalone.Hosting.ApiReference.StandaloneOnly>() is not null)
            {
                own.Add($"{methods} {route}");
                continue;
            }

            functions.Add($"http {name} {methods} {route}");
        }

        var table = services.GetRequiredService<FunctionTable>();
        functions.UnionWith(table.Queues.Select(q => $"queue {q.Name} {q.QueueName}"));
        functions.UnionWith(table.Timers.Select(t => $"timer {t.Name} %{t.ScheduleSetting.Replace(":", "__", StringComparison.Ordinal)}%"));
        functions.UnionWith(SyncTasks.OrchestratorNames.Select(n => $"orchestrator {n}"));
        functions.UnionWith(SyncTasks.ActivityNames.Select(n => $"activity {n}"));
        return (functions, own);
    }

    private static string Methods(JsonNode trigger) =>
        string.Join(',', trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()).Order(StringComparer.Ordinal));

    /// <summary>The worker's generated function list (the Functions worker SDK writes it at build time).</summary>
    private static JsonArray Metadata()
    {
        var path = Path.Combine(RepoPaths.Root, "src", "Harasocial.Functions", "bin", "Release", "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build the solution in Release first.");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    }
}
