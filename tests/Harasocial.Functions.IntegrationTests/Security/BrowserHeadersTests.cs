using System.Net;
using System.Text.RegularExpressions;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Security;

/// <summary>The dashboard may load only its own files, may not be framed, and nothing is content-sniffed (the finding:
/// no CSP, frame-ancestors or nosniff on GET /).</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class BrowserHeadersTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private AppFactory app = null!;

    public Task InitializeAsync()
    {
        app = new AppFactory(azurite);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/dashboard/dashboard.js")]
    [InlineData("/api/health")]
    [InlineData("/api/connections")]
    [InlineData("/api/nothing-here")]
    public async Task EveryAnswer_CspSelfOnly_NoFraming_NoSniffing(string path)
    {
        using var client = app.CreateClient(apiKey: null);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Dashboard_NoInlineScriptOrStyle_ItsFilesServedWithTheirTypes()
    {
        using var client = app.CreateClient(apiKey: null);

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        using var script = await client.GetAsync(new Uri("/dashboard/dashboard.js", UriKind.Relative));
        using var style = await client.GetAsync(new Uri("/dashboard/dashboard.css", UriKind.Relative));

        Assert.Contains("<script src=\"/dashboard/dashboard.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(InlineHandlerOrStyle(), html);
        Assert.Equal((HttpStatusCode.OK, "text/javascript"), (script.StatusCode, script.Content.Headers.ContentType?.MediaType));
        Assert.Equal((HttpStatusCode.OK, "text/css"), (style.StatusCode, style.Content.Headers.ContentType?.MediaType));
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\s(on[a-z]+|style)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandlerOrStyle();
}
