using Microsoft.AspNetCore.HttpLogging;

namespace Harasocial.Sync.Security;

/// <summary>
/// Request logging that cannot write a secret, by construction: the host's own request lines
/// (<c>Microsoft.AspNetCore.Hosting.Diagnostics</c>: "Request starting GET http://…/api/connections?apiKey=…") carry the
/// full URL, query string included — an API key sent as a query parameter, an OAuth code or Meta's
/// <c>hub.verify_token</c> went to the log — so they are switched off, and ASP.NET Core's HTTP logging writes one line
/// per request with method, path, status and duration only: no query string, no header (<c>X-Api-Key</c>,
/// <c>X-Hub-Signature-256</c>, <c>X-ZEvent-Signature</c>, <c>Authorization</c>), no body.
/// </summary>
internal static class RequestLogging
{
    public const string HostRequestCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public const HttpLoggingFields Fields =
        HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;

    public static IServiceCollection AddRequestLogging(this IServiceCollection services)
    {
        services.AddLogging(logging => logging.AddFilter(HostRequestCategory, LogLevel.None));
        services.AddHttpLogging(o =>
        {
            o.LoggingFields = Fields;
            o.CombineLogs = true;
        });
        return services;
    }

    /// <summary>First in the pipeline, so the line has the status every later middleware settled on.</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.UseHttpLogging();
}
