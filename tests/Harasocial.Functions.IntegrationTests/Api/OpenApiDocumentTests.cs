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
        var table = (Harasocial.Functions.Functions.FunctionTable)app.Services.GetService(typeof(Harasocial.Functions.Functions.FunctionTable))!;

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
