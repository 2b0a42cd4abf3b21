using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Harasocial.Sync.Functions;
using Harasocial.Functions.IntegrationTests.Tenants;
using Harasocial.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Harasocial.Functions.IntegrationTests.Reliability;

/// <summary>Every tenant route of the function table, called with another tenant's ids, answers 404 and changes nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class TenantIsolationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EveryTenantRoute_AnotherTenantsIds_404_NothingChanges()
    {
        await using var harness = await SyncHarness.StartAsync(azurite, BadInputCorpusTests.TwoShops);
        var ids = await TwoTenantIds.CreateAsync(harness);
        var scan = new StorageScan(azurite, harness.Prefix);
        var before = await scan.RowCountsAsync();
        var routes = harness.App.Services.GetRequiredService<FunctionTable>().Http
            .Where(f => f.Access == HttpAccess.Tenant && f.Route.Contains('{', StringComparison.Ordinal))
            .SelectMany(f => f.Methods.Select(m => (f.Name, Method: m, f.Route)))
            .ToList();
        Assert.True(routes.Count >= 14, $"{routes.Count} tenant routes with ids");

        using var foreign = harness.App.CreateClient(ids.ForeignKey);
        using var own = harness.App.CreateClient(ids.OwnKey);
        var tried = new List<string>();
        foreach (var (name, method, route) in routes)
        {
            // The caller is the foreign tenant; every id in the path belongs to the "own" tenant.
            // Posts: the own tenant (Shopee) has none, so the roles swap and the own tenant probes the foreign post.
            var swapped = route.StartsWith("api/posts/", StringComparison.Ordinal);
            var path = "/" + RouteParameter().Replace(route, m => OwnId(name, route, m.Groups[1].Value, ids));
            using var response = await (swapped ? own : foreign).SendAsync(Request(method, path));
            await TenantApiTests.AssertProblemAsync(response, HttpStatusCode.NotFound);
            tried.Add($"{method} {path}");

            // The same id answers its owner (not 404), so the 404 above is about the tenant, not a made-up id.
            if (method == "GET")
            {
                using var mine = await (swapped ? foreign : own).SendAsync(Request(method, path));
                Assert.True(mine.StatusCode == HttpStatusCode.OK, $"{method} {path} as the owner: {(int)mine.StatusCode}");
            }
        }

        Assert.Equal(before, await scan.RowCountsAsync());
        Assert.Equal("active", (await harness.GetJsonAsync($"/api/connections/{ids.OwnConnection}"))["status"]!.GetValue<string>());
        Assert.Contains(tried, t => t.StartsWith("DELETE", StringComparison.Ordinal));
    }

    private static string OwnId(string function, string route, string parameter, TwoTenantIds ids) => (route, parameter) switch
    {
        (_, "jobId") => ids.OwnJob,
        _ when route.StartsWith("api/connections/", StringComparison.Ordinal) => ids.OwnConnection,
        _ when route.StartsWith("api/conversations/", StringComparison.Ordinal) => ids.OwnConversation,
        _ when route.StartsWith("api/tenants/", StringComparison.Ordinal) => "seller",
        _ when route.StartsWith("api/posts/", StringComparison.Ordinal) => ids.ForeignPost,
        _ => throw new InvalidOperationException($"Function {function} ({route}) has a parameter {parameter} this test does not know: add it here."),
    };

    /// <summary>A request with a body valid for the route, so a refusal can only come from the tenant check.</summary>
    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        var body = (method, path) switch
        {
            ("PATCH", _) => """{"settings":{"syncSpam":false}}""",
            ("POST", _) when path.EndsWith("/sync", StringComparison.Ordinal) => """{"kind":"resync"}""",
            ("POST", _) when path.EndsWith("/messages", StringComparison.Ordinal) => """{"text":"hello"}""",
            _ => null,
        };
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return request;
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteParameter();
}
