using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harasocial.Functions.Functions;

/// <summary>
/// <c>POST /{FunctionName}</c> for queue and timer functions: the custom-handler invocation protocol
/// (custom-handlers.md §3). 200 with <c>{Outputs, Logs, ReturnValue}</c> on success; 500 on failure so the host
/// retries the message and eventually moves it to the poison queue. Failure detail goes to the log (stderr), because
/// the host drops <c>Logs</c> from non-2xx answers.
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
        Func<CancellationToken, Task> run;
        try
        {
            run = prepare(InvocationPayload.Parse(await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted)));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            LogBadPayload(log, name, ex.Message);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid invocation payload", detail: ex.Message);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed")]
    private static partial void LogFailed(ILogger logger, string function, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} got an invalid invocation payload: {Reason}")]
    private static partial void LogBadPayload(ILogger logger, string function, string reason);
}
