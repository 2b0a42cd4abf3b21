using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harasocial.Functions.Api;

namespace Harasocial.Functions.Functions;

/// <summary>
/// <c>POST /{FunctionName}</c> for queue and timer functions: the custom-handler invocation protocol
/// (custom-handlers.md §3). 200 with <c>{Outputs, Logs, ReturnValue}</c> on success; 500 on failure so the host
/// retries the message and eventually moves it to the poison queue. Failure detail goes to the log (stderr), because
/// the host drops <c>Logs</c> from non-2xx answers. Mapped in custom-handler mode only (the host is the one caller,
/// over loopback); only <c>application/json</c> is accepted, so a web page cannot forge an invocation with a
/// "simple" <c>text/plain</c> POST (no CORS preflight).
/// </summary>
internal static partial class InvocationEndpoints
{
    public static void MapInvocationEndpoints(this IEndpointRouteBuilder app, FunctionTable table)
    {
        foreach (var function in table.Queues)
        {
            app.MapPost("/" + function.Name, (HttpContext http, FunctionRunner runner, ILogger<FunctionRunner> log) =>
                InvokeAsync(http, log, function.Name, payload =>
                {
                    var (text, context) = (payload.QueueMessageText(), payload.QueueContext());
                    return ct => runner.RunQueueAsync(function, text, context, ct);
                }))
                .ExcludeFromDescription();
        }

        foreach (var function in table.Timers)
        {
            app.MapPost("/" + function.Name, (HttpContext http, FunctionRunner runner, TimeProvider time, ILogger<FunctionRunner> log) =>
                InvokeAsync(http, log, function.Name, payload =>
                {
                    var context = payload.TimerContext(time.GetUtcNow());
                    return ct => runner.RunTimerAsync(function, context, ct);
                }))
                .ExcludeFromDescription();
        }
    }

    private static async Task<IResult> InvokeAsync(
        HttpContext http, ILogger log, string name, Func<InvocationPayload, Func<CancellationToken, Task>> prepare)
    {
        if (http.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Not found", $"There is no route POST /{name}.");
        }

        if (!IsJson(http.Request.ContentType))
        {
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Invocations are application/json.");
        }

        Func<CancellationToken, Task> run;
        try
        {
            run = prepare(InvocationPayload.Parse(await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted)));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            LogBadPayload(log, name, ex.Message);
            return Problems.Status(StatusCodes.Status400BadRequest, "Invalid invocation payload", "The body is not an invocation payload of the Functions host.");
        }

        try
        {
            await run(http.RequestAborted);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            LogFailed(log, name, ex);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        return Results.Json(new InvocationResult([], [], null), FunctionsJsonContext.Default.InvocationResult);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (string.Equals(contentType, "application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/json;", StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed")]
    private static partial void LogFailed(ILogger logger, string function, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} got an invalid invocation payload: {Reason}")]
    private static partial void LogBadPayload(ILogger logger, string function, string reason);
}
