using System.Text.Json;
using Harasocial.Sync.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Api;

/// <summary>
/// Every error leaves as application/problem+json: unknown routes (404), wrong methods (405), oversized or broken
/// requests (413/400 from Kestrel) and, as a last resort, unexpected failures (500 without internals).
/// </summary>
internal static partial class ProblemHandling
{
    public static IServiceCollection AddProblemHandling(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<RequestExceptionHandler>();
        return services;
    }

    public static IApplicationBuilder UseProblemHandling(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(WriteStatusProblemAsync);

        // Kestrel enforces the limit while reading (chunked bodies too); this answers early when Content-Length
        // already says too much, and covers hosts without Kestrel's limit feature (the test server).
        app.Use(async (http, next) =>
        {
            var limit = http.RequestServices.GetRequiredService<IOptions<HostingOptions>>().Value.MaxRequestBodyBytes;
            if (http.Request.ContentLength > limit)
            {
                await JsonBody.TooLarge(limit).ExecuteAsync(http);
                return;
            }

            await next(http);
        });
        return app;
    }

    /// <summary>
    /// Bare status codes become problems. Outside <c>/api</c> the only route is the dashboard's GET catch-all, so routing
    /// answers 405 to any other method there ("exists, wrong method"), e.g. <c>POST /SyncStep</c> in standalone mode,
    /// where no invocation route exists: that is a 404.
    /// </summary>
    private static async Task WriteStatusProblemAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && !http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.Headers.Allow = default;
        }

        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode },
        });
    }

    private sealed partial class RequestExceptionHandler(IProblemDetailsService problems, ILogger<RequestExceptionHandler> log) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
        {
            var (status, detail) = exception switch
            {
                BadHttpRequestException bad => (bad.StatusCode, Describe(bad.StatusCode)),
                JsonException => (StatusCodes.Status400BadRequest, "The body is not valid JSON."),
                _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side; the request can be retried."),
            };
            if (status >= 500)
            {
                LogUnhandled(log, http.Request.Path, exception);
            }

            http.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                Exception = exception,
                ProblemDetails = { Status = status, Detail = detail },
            });
        }

        /// <summary>Kestrel's own messages are exception text; the client gets a stable sentence per status.</summary>
        private static string Describe(int status) => status switch
        {
            StatusCodes.Status413PayloadTooLarge => "The body is larger than this route accepts.",
            StatusCodes.Status408RequestTimeout => "The request body did not arrive in time.",
            StatusCodes.Status431RequestHeaderFieldsTooLarge => "The request headers are too large.",
            _ => "The request could not be read.",
        };

        [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
        private static partial void LogUnhandled(ILogger logger, PathString path, Exception exception);
    }
}
