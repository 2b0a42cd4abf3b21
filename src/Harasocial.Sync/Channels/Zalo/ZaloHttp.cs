using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Channels.Zalo;

/// <summary>One Zalo request: token in the `access_token` HEADER (WIRE.md "Zalo"), parameters JSON-encoded in
/// the `data` query parameter, HTTP-200 errors unwrapped.</summary>
internal sealed class ZaloHttp(IHttpClientFactory httpClientFactory, IOptions<ZaloOptions> options, ILogger<ZaloHttp> logger)
{
    public const string ClientName = "Channels.Zalo";

    public Task<T> GetAsync<TQuery, T>(string accessToken, string path, TQuery query, JsonTypeInfo<TQuery> queryType, JsonTypeInfo<ZaloEnvelope<T>> resultType, CancellationToken cancellationToken) =>
        LoggedAsync(path, GetCoreAsync(accessToken, path, query, queryType, resultType, cancellationToken));

    /// <summary>A GET without the `data` parameter (`getoa`).</summary>
    public Task<T> GetAsync<T>(string accessToken, string path, JsonTypeInfo<ZaloEnvelope<T>> resultType, CancellationToken cancellationToken) =>
        LoggedAsync(path, GetPlainCoreAsync(accessToken, path, resultType, cancellationToken));

    public Task<T> PostJsonAsync<TBody, T>(string accessToken, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<ZaloEnvelope<T>> resultType, CancellationToken cancellationToken) =>
        LoggedAsync(path, PostJsonCoreAsync(accessToken, path, body, bodyType, resultType, cancellationToken));

    public Task<ZaloTokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        LoggedAsync("/v4/oa/access_token", RefreshCoreAsync(refreshToken, cancellationToken));

    private Task<T> LoggedAsync<T>(string path, Task<T> call) => ChannelLog.LoggedAsync(logger, path, call);

    private async Task<T> GetCoreAsync<TQuery, T>(string accessToken, string path, TQuery query, JsonTypeInfo<TQuery> queryType, JsonTypeInfo<ZaloEnvelope<T>> resultType, CancellationToken cancellationToken)
    {
        var data = Uri.EscapeDataString(JsonSerializer.Serialize(query, queryType));
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(options.Value.OpenApiBaseUrl, $"{path}?data={data}"));
        request.Headers.Add("access_token", accessToken);
        return await SendAsync(request, resultType, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> GetPlainCoreAsync<T>(string accessToken, string path, JsonTypeInfo<ZaloEnvelope<T>> resultType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(options.Value.OpenApiBaseUrl, path));
        request.Headers.Add("access_token", accessToken);
        return await SendAsync(request, resultType, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> PostJsonCoreAsync<TBody, T>(string accessToken, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<ZaloEnvelope<T>> resultType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(options.Value.OpenApiBaseUrl, path))
        {
            Content = new StringContent(JsonSerializer.Serialize(body, bodyType), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("access_token", accessToken);
        return await SendAsync(request, resultType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>`POST /v4/oa/access_token` form refresh_token, app_id, grant_type; header `secret_key` = App
    /// Secret (channel-apis.md §3.2).</summary>
    private async Task<ZaloTokenResponse> RefreshCoreAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(o.OAuthBaseUrl, "/v4/oa/access_token"))
        {
            Content = new FormUrlEncodedContent(
            [
                new("refresh_token", refreshToken),
                new("app_id", o.AppId),
                new("grant_type", "refresh_token"),
            ]),
        };
        request.Headers.Add("secret_key", o.AppSecret);
        var response = await ChannelHttp.SendAsync(httpClientFactory.CreateClient(ClientName), request, ChannelKind.Zalo, cancellationToken).ConfigureAwait(false);
        var token = Read(response, ZaloJsonContext.Default.ZaloTokenResponse);
        if (token.Error is not (null or 0) || (int)response.Status >= 300 || token.AccessToken is null)
        {
            throw ZaloErrors.Classify(token.Error, token.Message ?? "Refresh answered without an access token.", response.Status);
        }

        return token;
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<ZaloEnvelope<T>> resultType, CancellationToken cancellationToken)
    {
        var response = await ChannelHttp.SendAsync(httpClientFactory.CreateClient(ClientName), request, ChannelKind.Zalo, cancellationToken).ConfigureAwait(false);
        var envelope = Read(response, resultType);
        if (envelope.Error is not (null or 0) || (int)response.Status >= 300)
        {
            throw ZaloErrors.Classify(envelope.Error, envelope.Message, response.Status);
        }

        return envelope.Data ?? throw new ChannelException(ChannelKind.Zalo, ChannelErrorKind.Permanent, "0", "Success without data.", (int)response.Status);
    }

    private static T Read<T>(ChannelResponse response, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, type) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            // Non-JSON: classify on the HTTP status alone (5xx transient, 401 auth, else permanent).
            throw new ChannelException(ChannelKind.Zalo, ZaloErrors.Classify(null, null, response.Status).Kind, null, "Unreadable Zalo response.", (int)response.Status, null, ex);
        }
    }

    private static Uri Url(string baseUrl, string pathAndQuery) => new(baseUrl.TrimEnd('/') + pathAndQuery, UriKind.Absolute);
}
