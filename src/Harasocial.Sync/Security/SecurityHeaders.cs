namespace Harasocial.Sync.Security;

/// <summary>
/// Browser hardening on every answer (added when the response starts, so error pages get them too): the dashboard may
/// load only its own script, style and API (no inline code: wwwroot/dashboard.js and dashboard.css), may not be framed
/// (clickjacking), and no answer is content-sniffed into something executable. A page that needs its own policy (the
/// standalone host's API reference page, whose inline script carries a per-response nonce) sets it before the response
/// starts and keeps it; every other answer gets <see cref="ContentSecurityPolicy"/>.
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
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                }

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
