using System.Globalization;

namespace Harasocial.ChannelSimulator.Graph;

/// <summary>Graph error bodies and the throttle headers (WIRE.md "Errors").</summary>
internal static class GraphErrors
{
    public static Task Write(HttpContext context, int status, int code, string message, int? subcode = null, bool transient = false, string type = "OAuthException") =>
        Respond.Object(context, status, w =>
        {
            w.WriteStartObject("error");
            w.WriteString("message", message);
            w.WriteString("type", type);
            w.WriteNumber("code", code);
            if (subcode is { } s)
            {
                w.WriteNumber("error_subcode", s);
            }

            if (transient)
            {
                w.WriteBoolean("is_transient", true);
            }

            w.WriteString("fbtrace_id", "Sim" + Det.Hex(Det.Of(context.TraceIdentifier), 0, 12));
            w.WriteEndObject();
        });

    public static Task InvalidParameter(HttpContext context, string message) => Write(context, 400, 100, "(#100) " + message);

    public static Task Token(HttpContext context, TokenCheck check) => check == TokenCheck.Expired
        ? Write(context, 400, 190, "Error validating access token: Session has expired.", subcode: 463)
        : Write(context, 400, 190, "Invalid OAuth access token - Cannot parse access token", type: "OAuthException");

    /// <summary>80006 (Messenger) / 80002 (Instagram) with BUC usage (eta 0 minutes) and Retry-After: 1.</summary>
    public static Task Throttle(HttpContext context, string accountId, string channel)
    {
        var ig = channel == Channels.Instagram;
        context.Response.Headers["Retry-After"] = "1";
        context.Response.Headers["X-Business-Use-Case-Usage"] = JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray(accountId);
            w.WriteStartObject();
            w.WriteString("type", ig ? "instagram" : "messenger");
            w.WriteNumber("call_count", 100);
            w.WriteNumber("total_cputime", 1);
            w.WriteNumber("total_time", 1);
            w.WriteNumber("estimated_time_to_regain_access", 0);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
        var code = ig ? 80002 : 80006;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"(#{code}) There have been too many {(ig ? "Instagram" : "Messenger")} API calls to this {(ig ? "Instagram account" : "Page account")}. Wait a bit and try again.");
        return Write(context, 400, code, message);
    }
}
