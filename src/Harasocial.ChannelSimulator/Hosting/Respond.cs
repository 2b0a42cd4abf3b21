using System.Text.Json;

namespace Harasocial.ChannelSimulator;

internal static class Respond
{
    public static Task Json(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        var bytes = JsonText.Utf8(write);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    public static Task Object(HttpContext context, int status, Action<Utf8JsonWriter> writeProperties) => Json(context, status, w =>
    {
        w.WriteStartObject();
        writeProperties(w);
        w.WriteEndObject();
    });
}

internal static class RespondBytes
{
    public static Task Send(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
