using System.Text.Json;
using Harasocial.Functions.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Harasocial.Functions.Api;

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

    public static WebApplication UseProblemHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();

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

    private sealed partial class RequestExceptionHandler(IProblemDetailsService problems, ILogger<RequestExceptionHandler> log) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
        {
            var (status, detail) = exception switch
            {
                BadHttpRequestException bad => (bad.StatusCode, bad.Message),
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

        [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
        private static partial void LogUnhandled(ILogger logger, PathString path, Exception exception);
    }
}
