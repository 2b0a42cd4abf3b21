using System.Text.Json;
using Harasocial.Sync.Api;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Channels.Facebook;
using Harasocial.Sync.Functions;
using Harasocial.Sync.Hosting;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Webhooks;

/// <summary>
/// Webhook intake (SPEC §4): verify the signature over the raw bytes, check it is JSON, store it durably on the
/// queue, answer 200 with an empty body (Shopee wants exactly that). No sync work happens inline. A Zalo or Shopee body
/// dated outside the replay window is acknowledged and dropped (a 4xx would only make the platform retry it).
/// </summary>
internal static partial class WebhookEndpoints
{
    public static IEnumerable<FunctionDefinition> Functions =>
    [
        new HttpFunction("FacebookWebhookVerify", "api/webhooks/facebook", ["GET"], VerifySubscription, HttpAccess.Public),
        new HttpFunction("InstagramWebhookVerify", "api/webhooks/instagram", ["GET"], VerifySubscription, HttpAccess.Public),
        new HttpFunction("FacebookWebhook", "api/webhooks/facebook", ["POST"], (HttpContext http) => ReceiveAsync(http, ChannelKind.Facebook), HttpAccess.Public),
        new HttpFunction("InstagramWebhook", "api/webhooks/instagram", ["POST"], (HttpContext http) => ReceiveAsync(http, ChannelKind.Instagram), HttpAccess.Public),
        new HttpFunction("ZaloWebhook", "api/webhooks/zalo", ["POST"], (HttpContext http) => ReceiveAsync(http, ChannelKind.Zalo), HttpAccess.Public),
        new HttpFunction("ShopeeWebhook", "api/webhooks/shopee", ["POST"], (HttpContext http) => ReceiveAsync(http, ChannelKind.Shopee), HttpAccess.Public),
    ];

    /// <summary>Meta's <c>hub.*</c> handshake: echo the challenge when the verify token matches, else 403.</summary>
    private static IResult VerifySubscription(HttpContext http, FacebookWebhook webhook)
    {
        var query = http.Request.Query;
        string? challenge = query["hub.challenge"];
        return webhook.VerifySubscription(query["hub.mode"], query["hub.verify_token"], challenge) && challenge!.Length <= 200
            ? Results.Text(challenge, "text/plain")
            : Problems.Forbidden("The verify token does not match.");
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, ChannelKind channel)
    {
        var services = http.RequestServices;
        var limit = services.GetRequiredService<IOptions<HostingOptions>>().Value.MaxRequestBodyBytes;
        var body = await ReadBodyAsync(http, limit);
        if (body is null)
        {
            return JsonBody.TooLarge(limit);
        }

        var webhook = services.GetRequiredKeyedService<IChannelWebhook>(channel);
        switch (webhook.Verify(http.Request.Headers, body))
        {
            case WebhookVerification.MissingSignature:
                return Problems.Unauthorized("The webhook signature header is missing.");
            case WebhookVerification.InvalidSignature:
                return Problems.Unauthorized("The webhook signature does not match the body.");
        }

        try
        {
            webhook.Parse(body);
        }
        catch (Exception ex) when (ex is WebhookFormatException or JsonException)
        {
            return Problems.Validation("$", "The webhook body is not a JSON event this endpoint understands.");
        }

        if (!ReplayWindow.IsFresh(webhook, body, services.GetRequiredService<TimeProvider>().GetUtcNow()))
        {
            LogStale(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebhookEndpoints).FullName!), channel, webhook.SignedAt(body));
            return Results.Ok();
        }

        await services.GetRequiredService<WebhookInbox>().StoreAsync(channel, body, http.RequestAborted);
        return Results.Ok();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a signed {Channel} webhook dated {SignedAt}: outside the replay window (10 minutes either way)")]
    private static partial void LogStale(ILogger logger, ChannelKind channel, DateTimeOffset? signedAt);

    /// <summary>The raw body, or null when it is larger than the limit (read at most limit + 1 bytes).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http, long limit)
    {
        if (http.Request.ContentLength is { } length)
        {
            // Meta, Zalo and Shopee send a Content-Length: one array of that size (Kestrel stops the body there).
            if (length > limit)
            {
                return null;
            }

            var body = new byte[length];
            await http.Request.Body.ReadExactlyAsync(body, http.RequestAborted);
            return body;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
