using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Channels.Shopee;

/// <summary>One signed Shopee request. Common query `partner_id, timestamp, access_token, shop_id, sign`;
/// the timestamp comes from the injected TimeProvider (valid 5 minutes).</summary>
internal sealed class ShopeeHttp(IHttpClientFactory httpClientFactory, IOptions<ShopeeOptions> options, TimeProvider timeProvider, ILogger<ShopeeHttp> logger)
{
    public const string ClientName = "Channels.Shopee";

    private const string ShopInfoPath = "/api/v2/shop/get_shop_info";

    public Task<T> ShopGetAsync<T>(ChannelAccount account, string path, string query, JsonTypeInfo<ShopeeEnvelope<T>> type, CancellationToken cancellationToken) =>
        LoggedAsync(path, ShopGetCoreAsync(account, path, query, type, cancellationToken));

    public Task<T> ShopPostAsync<TBody, T>(ChannelAccount account, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<ShopeeEnvelope<T>> type, CancellationToken cancellationToken) =>
        LoggedAsync(path, ShopPostCoreAsync(account, path, body, bodyType, type, cancellationToken));

    /// <summary>`get_shop_info`, shop-signed; its answer is not wrapped in `response`.</summary>
    public Task<ShopeeShopInfo> ShopInfoAsync(ChannelAccount account, CancellationToken cancellationToken) =>
        LoggedAsync(ShopInfoPath, ShopInfoCoreAsync(account, cancellationToken));

    public Task<ShopeeTokenResponse> RefreshAsync(string shopId, string refreshToken, CancellationToken cancellationToken) =>
        LoggedAsync("/api/v2/auth/access_token/get", RefreshCoreAsync(shopId, refreshToken, cancellationToken));

    private Task<T> LoggedAsync<T>(string path, Task<T> call) => ChannelLog.LoggedAsync(logger, path, call);

    private async Task<T> ShopGetCoreAsync<T>(ChannelAccount account, string path, string query, JsonTypeInfo<ShopeeEnvelope<T>> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ShopUrl(account, path, query));
        return Unwrap(await SendAsync(request, cancellationToken).ConfigureAwait(false), type);
    }

    private async Task<T> ShopPostCoreAsync<TBody, T>(ChannelAccount account, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<ShopeeEnvelope<T>> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ShopUrl(account, path, ""))
        {
            Content = new StringContent(JsonSerializer.Serialize(body, bodyType), Encoding.UTF8, "application/json"),
        };
        return Unwrap(await SendAsync(request, cancellationToken).ConfigureAwait(false), type);
    }

    private async Task<ShopeeShopInfo> ShopInfoCoreAsync(ChannelAccount account, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ShopUrl(account, ShopInfoPath, ""));
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var info = Read(response, ShopeeJsonContext.Default.ShopeeShopInfo);
        if (!string.IsNullOrEmpty(info.Error) || (int)response.Status >= 300)
        {
            throw ShopeeErrors.Classify(info.Error, info.Message, response.Status);
        }

        return info;
    }

    /// <summary>Public-signed POST (refresh): sign over partner_id + path + timestamp only.</summary>
    private async Task<ShopeeTokenResponse> RefreshCoreAsync(string shopId, string refreshToken, CancellationToken cancellationToken)
    {
        const string path = "/api/v2/auth/access_token/get";
        var o = options.Value;
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var sign = ShopeeSigner.Sign(o.PartnerKey, o.PartnerId, path, timestamp);
        var url = $"{Base()}{path}?partner_id={Escape(o.PartnerId)}&timestamp={Format(timestamp)}&sign={sign}";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Absolute))
        {
            Content = new StringContent(JsonSerializer.Serialize(new ShopeeRefreshBody(refreshToken, o.PartnerId, shopId), ShopeeJsonContext.Default.ShopeeRefreshBody), Encoding.UTF8, "application/json"),
        };
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var token = Read(response, ShopeeJsonContext.Default.ShopeeTokenResponse);
        if (!string.IsNullOrEmpty(token.Error) || (int)response.Status >= 300 || token.AccessToken is null)
        {
            throw ShopeeErrors.Classify(token.Error, token.Message ?? "Refresh answered without an access token.", response.Status);
        }

        return token;
    }

    private Uri ShopUrl(ChannelAccount account, string path, string query)
    {
        var o = options.Value;
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var sign = ShopeeSigner.Sign(o.PartnerKey, o.PartnerId, path, timestamp, account.AccessToken, account.ExternalId);
        var url = $"{Base()}{path}?partner_id={Escape(o.PartnerId)}&timestamp={Format(timestamp)}&access_token={Escape(account.AccessToken)}&shop_id={Escape(account.ExternalId)}&sign={sign}";
        return new Uri(query.Length == 0 ? url : $"{url}&{query}", UriKind.Absolute);
    }

    private Task<ChannelResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        ChannelHttp.SendAsync(httpClientFactory.CreateClient(ClientName), request, ChannelKind.Shopee, cancellationToken);

    private static T Unwrap<T>(ChannelResponse response, JsonTypeInfo<ShopeeEnvelope<T>> type)
    {
        var envelope = Read(response, type);
        if (!string.IsNullOrEmpty(envelope.Error) || (int)response.Status >= 300)
        {
            throw ShopeeErrors.Classify(envelope.Error, envelope.Message, response.Status);
        }

        return envelope.Response ?? throw new ChannelException(ChannelKind.Shopee, ChannelErrorKind.Permanent, null, "Success without `response`.", (int)response.Status);
    }

    private static T Read<T>(ChannelResponse response, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, type) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw new ChannelException(ChannelKind.Shopee, ShopeeErrors.Classify(null, null, response.Status).Kind, null, "Unreadable Shopee response.", (int)response.Status, null, ex);
        }
    }

    private string Base() => options.Value.ApiBaseUrl.TrimEnd('/');

    internal static string Escape(string value) => Uri.EscapeDataString(value);

    internal static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
