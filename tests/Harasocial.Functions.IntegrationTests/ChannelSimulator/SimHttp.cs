using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Harasocial.Functions.IntegrationTests.ChannelSimulator;

/// <summary>Raw HTTP helpers for the simulator tests (no channel clients involved).</summary>
internal static class SimHttp
{
    public static async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(HttpClient http, string url, string? bearer = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        foreach (var (k, v) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(k, v);
        }

        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    public static async Task<(int Status, JsonElement Body, string Raw)> PostJsonAsync(HttpClient http, string url, string json,
        string? bearer = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        foreach (var (k, v) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(k, v);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    public static string Data(string json) => Uri.EscapeDataString(json);

    /// <summary>A signed Shopee shop-API URL (sign over the path without the /shopee prefix).</summary>
    public static string ShopeeUrl(Uri baseUri, string path, string token, string shopId, string extraQuery, long? timestamp = null,
        string partnerKey = "sim-shopee-partner-key", long partnerId = 1000001)
    {
        var ts = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var pid = partnerId.ToString(CultureInfo.InvariantCulture);
        var sign = Hmac(partnerKey, pid + path + ts + token + shopId);
        return $"{baseUri}{path}?partner_id={pid}&timestamp={ts}&access_token={token}&shop_id={shopId}&sign={sign}{extraQuery}";
    }

    public static string Hmac(string key, string message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(message)));
}
