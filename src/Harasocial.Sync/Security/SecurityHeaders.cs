namespace Harasocial.Sync.Security;

/// <summary>
/// Browser hardening on every answer (added when the response starts, so error pages get them too): the dashboard may
/// load only its own script, style and API (no inline code: wwwroot/dashboard.js and dashboard.css), may not be framed
/// (clickjacking), and no answer is content-sniffed into something executable.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        app.Use((http, next) =>
        {
            http.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            }, http.Response);
            return next(http);
        });
        return app;
    }
}
