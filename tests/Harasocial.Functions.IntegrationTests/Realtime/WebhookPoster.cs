using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Harasocial.Functions.IntegrationTests.Realtime;

/// <summary>Builds and signs Meta webhook bodies exactly as Meta does, for tests that deliver them directly.</summary>
internal static class WebhookPoster
{
    public const string MetaSecret = "sim-meta-secret";

    public static string MessageBody(string pageId, string customerId, string mid, string text, DateTimeOffset at) =>
        $$$"""{"object":"page","entry":[{"id":"{{{pageId}}}","time":{{{at.ToUnixTimeMilliseconds()}}},"messaging":[{"sender":{"id":"{{{customerId}}}"},"recipient":{"id":"{{{pageId}}}"},"timestamp":{{{at.ToUnixTimeMilliseconds()}}},"message":{"mid":"{{{mid}}}","text":"{{{text}}}"}}]}]}""";

    /// <summary>A Zalo <c>user_send_text</c> event (channel-apis.md §3.7; the timestamp is a string of milliseconds).</summary>
    public static string ZaloMessageBody(string oaId, string customerId, string msgId, string text, DateTimeOffset at) =>
        $$$"""{"app_id":"2000000001","event_name":"user_send_text","sender":{"id":"{{{customerId}}}"},"recipient":{"id":"{{{oaId}}}"},"message":{"msg_id":"{{{msgId}}}","text":"{{{text}}}"},"timestamp":"{{{at.ToUnixTimeMilliseconds()}}}","user_id_by_app":"app{{{customerId}}}"}""";

    /// <summary>Posts <paramref name="body"/> to the channel's webhook route, signed as the platform signs it.</summary>
    public static async Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string channel, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/webhooks/{channel}", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        var (header, value) = Sign(channel, body);
        request.Headers.TryAddWithoutValidation(header, value);
        return await client.SendAsync(request);
    }

    public static string Signature(string body, string secret = MetaSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static async Task<HttpResponseMessage> PostMetaAsync(HttpClient client, string body, string? signature = null, string channel = "facebook")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/webhooks/{channel}", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (signature is not null || body.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature ?? Signature(body));
        }

        return await client.SendAsync(request);
    }

    /// <summary>
    /// The platform's signature header over <paramref name="body"/> with the harness's secrets (SyncHarness.ChannelSettings),
    /// or with a wrong secret. Zalo signs app id + body + the body's timestamp + OA key (empty timestamp when the body has none).
    /// </summary>
    public static (string Header, string Value) Sign(string channel, string body, bool wrongSecret = false)
    {
        var secret = (string key) => wrongSecret ? key + "-wrong" : key;
        switch (channel)
        {
            case "zalo":
                var timestamp = string.Empty;
                try
                {
                    using var doc = System.Text.Json.JsonDocument.Parse(body);
                    if (doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("timestamp", out var t))
                    {
                        timestamp = t.ValueKind == System.Text.Json.JsonValueKind.String ? t.GetString()! : t.GetRawText();
                    }
                }
                catch (System.Text.Json.JsonException)
                {
                    // Not JSON: signed without a timestamp.
                }

                return ("X-ZEvent-Signature", "mac=" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("2000000001" + body + timestamp + secret("sim-zalo-oa-secret")))));
            case "shopee":
                return ("Authorization", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret("sim-shopee-partner-key")), Encoding.UTF8.GetBytes("http://localhost/api/webhooks/shopee|" + body))));
            default:
                return ("X-Hub-Signature-256", Signature(body, secret(MetaSecret)));
        }
    }

    public static string Mid(int i) => "m_test_" + i.ToString("D4", CultureInfo.InvariantCulture);
}
