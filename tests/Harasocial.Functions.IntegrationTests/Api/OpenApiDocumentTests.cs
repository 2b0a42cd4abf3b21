using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Api;

/// <summary>
/// The API reference (issue 18): the standalone host serves the OpenAPI 3.1 document of every route, and it is the one
/// checked in at <c>docs/openapi.json</c>. After changing a route, regenerate the file:
/// <c>UPDATE_OPENAPI=1 dotnet test tests/Harasocial.Functions.IntegrationTests --filter OpenApiDocumentTests</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiDocumentTests(AzuriteFixture azurite)
{
    private static readonly string CheckedIn = Path.Combine(RepoPaths.Root, "docs", "openapi.json");

    [Fact]
    public async Task ServedDocument_IsTheCheckedInOne()
    {
        await using var app = new AppFactory(azurite);
        using var client = app.CreateClient(apiKey: null);
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var text = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CheckedIn, text);
        }

        Assert.True(File.Exists(CheckedIn), $"{CheckedIn} is missing: run with UPDATE_OPENAPI=1 to write it.");
        var checkedIn = JsonNode.Parse(await File.ReadAllTextAsync(CheckedIn))!;
        if (!JsonNode.DeepEquals(served, checkedIn))
        {
            var copy = Path.Combine(RepoPaths.Root, "artifacts", "openapi.served.json");
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            await File.WriteAllTextAsync(copy, text);
            Assert.Fail($"docs/openapi.json differs from the document the app serves ({copy}). If the change is intended, run the test with UPDATE_OPENAPI=1.");
        }
    }

    /// <summary>Every HTTP route of the function table but the dashboard's catch-all is in the document, with its methods.</summary>
    [Fact]
    public async Task CheckedInDocument_HasEveryApiRoute_OpenApi31()
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(CheckedIn))!;
        await using var app = new AppFactory(azurite);
        var table = (Harasocial.Sync.Functions.FunctionTable)app.Services.GetService(typeof(Harasocial.Sync.Functions.FunctionTable))!;

        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var function in table.Http.Where(f => f.Route.StartsWith("api/", StringComparison.Ordinal)))
        {
            var path = document["paths"]!["/" + function.Route];
            Assert.True(path is not null, $"{function.Route} is not in docs/openapi.json");
            foreach (var method in function.Methods)
            {
                Assert.True(path![method.ToLowerInvariant()] is not null, $"{method} {function.Route} is not in docs/openapi.json");
                Assert.Equal(function.Name, path[method.ToLowerInvariant()]!["operationId"]!.GetValue<string>());
            }
        }
    }

    /// <summary>
    /// docs/api.http stays true: each of its calls is a route and method of the document, and every route but the signed
    /// webhooks (which the simulator signs and sends) has an example.
    /// </summary>
    [Fact]
    public async Task ApiHttpFile_CallsDocumentedRoutes_AndCoversEveryRoute()
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(CheckedIn))!;
        var lines = await File.ReadAllLinesAsync(Path.Combine(RepoPaths.Root, "docs", "api.http"));
        var routes = document["paths"]!.AsObject().ToDictionary(p => Shape(p.Key), p => p.Value!.AsObject(), StringComparer.Ordinal);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var call = System.Text.RegularExpressions.Regex.Match(line, @"^(GET|POST|PUT|PATCH|DELETE) \{\{base\}\}(/[^?\s]*)");
            if (!call.Success)
            {
                continue;
            }

            var shape = Shape(call.Groups[2].Value);
            Assert.True(routes.TryGetValue(shape, out var item), $"docs/api.http calls {call.Groups[2].Value}, which is not a documented route");
            var operation = item![call.Groups[1].Value.ToLowerInvariant()];
            Assert.True(operation is not null, $"docs/api.http calls {call.Value}, a method the route does not have");
            covered.Add(operation!["operationId"]!.GetValue<string>());
        }

        var missing = routes.Values.SelectMany(r => r.Where(m => m.Value?["operationId"] is not null).Select(m => m.Value!["operationId"]!.GetValue<string>()))
            .Where(id => !id.EndsWith("Webhook", StringComparison.Ordinal) || id == "FacebookWebhook")
            .Except(covered, StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0, $"docs/api.http has no example of {string.Join(", ", missing)}");

        // "/api/conversations/{id}/messages" and "/api/conversations/{{conversationId}}/messages" have one shape.
        static string Shape(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\{\{?[^}/]+\}?\}", "{}");
    }

    [Fact]
    public async Task ReferencePage_ServedUnderANonceCsp()
    {
        await using var app = new AppFactory(azurite);
        using var client = app.CreateClient(apiKey: null);
        using var response = await client.GetAsync(new Uri("/scalar", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.Contains("v1.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }
}
