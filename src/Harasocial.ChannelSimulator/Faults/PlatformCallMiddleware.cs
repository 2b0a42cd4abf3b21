using Harasocial.ChannelSimulator.Graph;
using Harasocial.ChannelSimulator.Shopee;
using Harasocial.ChannelSimulator.Zalo;

namespace Harasocial.ChannelSimulator.Faults;

/// <summary>
/// For every platform call (not <c>/_sim</c>): classifies the endpoint, records its start time, applies the
/// configured latency/timeout/error/throttle faults, and records the outcome in the call log.
/// </summary>
internal sealed class PlatformCallMiddleware(RequestDelegate next, SimulatorState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var call = Classify(context);
        if (call is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        call.Attach(context);
        var faults = state.Faults;
        var spared = (faults.Endpoints is { } endpoints && !endpoints.Contains(call.Endpoint))
            || (faults.Accounts is { } accounts && (call.Account is null || !accounts.Contains(call.Account)));
        var decision = spared
            ? new FaultDecision(FaultKind.None, TimeSpan.Zero)
            : state.Injector.Roll(faults);
        if (decision.Delay > TimeSpan.Zero)
        {
            await Task.Delay(decision.Delay, state.TimeProvider, context.RequestAborted).ConfigureAwait(false);
        }

        try
        {
            switch (decision.Kind)
            {
                case FaultKind.Error:
                    await WriteServerError(context, call).ConfigureAwait(false);
                    break;
                case FaultKind.Throttle:
                    call.Throttled = true;
                    await WriteThrottle(context, call).ConfigureAwait(false);
                    break;
                default:
                    await next(context).ConfigureAwait(false);
                    break;
            }
        }
        finally
        {
            state.Calls.Record(call.Account ?? "?", call.Endpoint, call.StartedAt, call.Throttled);
        }
    }

    private PlatformCall? Classify(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var now = state.TimeProvider.GetUtcNow();
        return path switch
        {
            _ when path.StartsWith("/graph/", StringComparison.Ordinal) => GraphLookup.Classify(context, state, now),
            _ when path.StartsWith("/zalo/", StringComparison.Ordinal) => ZaloAuth.Classify(context, state, now),
            _ when path.StartsWith("/shopee/", StringComparison.Ordinal) => ShopeeAuth.Classify(context, now),
            _ => null,
        };
    }

    private static Task WriteServerError(HttpContext context, PlatformCall call) => call.Channel switch
    {
        Channels.Zalo => Respond.Object(context, 500, w =>
        {
            w.WriteNumber("error", -1);
            w.WriteString("message", "Internal server error");
        }),
        Channels.Shopee => ShopeeAuth.Error(context, 500, "error_server", "Internal server error, please retry."),
        _ => GraphErrors.Write(context, 500, 2, "An unexpected error has occurred. Please retry your request later.", transient: true),
    };

    private static Task WriteThrottle(HttpContext context, PlatformCall call) => call.Channel switch
    {
        Channels.Zalo => ZaloAuth.Error(context, -32, "The application has reached the API call limit"),
        Channels.Shopee => ShopeeAuth.Error(context, 429, "error_rate_limit", "Too many requests, please try again later."),
        _ => GraphErrors.Throttle(context, call.Account ?? "0", call.Channel),
    };
}
