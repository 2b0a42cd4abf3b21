namespace Harasocial.Functions.Security;

/// <summary>
/// Browser hardening on every answer (added when the response starts, so error pages get them too): the dashboard may
/// load only its own script, style and API (no inline code: wwwroot/dashboard.js and dashboard.css), may not be framed
/// (clickjacking), and no answer is content-sniffed into something executable.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page (Scalar) is the one page with an inline script: it carries a fresh nonce per response
    /// (Scalar's <c>WithNonce()</c>), and the page injects its own styles at run time. Everything else stays 'self'.
    /// </summary>
    public static string ReferencePagePolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            http.Response.OnStarting(static state =>
            {
                var context = (HttpContext)state;
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Items.TryGetValue(Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey, out var nonce) && nonce is string value
                    ? ReferencePagePolicy(value)
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            }, http);
            return next(http);
        });
        return app;
    }
}
