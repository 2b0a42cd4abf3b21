using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Harasocial.Sync.Channels.Graph;

/// <summary>One Graph request: Bearer token in `Authorization` (WIRE.md "Graph"), error classification, and
/// typed deserialisation. Shared by Facebook and Instagram.</summary>
internal sealed class GraphHttp(IHttpClientFactory httpClientFactory, ChannelKind channel, string baseUrl, ILogger logger)
{
    public const string ClientName = "Channels.Graph";

    public Uri Url(string pathAndQuery) => new(baseUrl.TrimEnd('/') + pathAndQuery, UriKind.Absolute);

    public Task<T> GetAsync<T>(string accessToken, string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, Url(pathAndQuery)), accessToken, type, cancellationToken);

    public Task<TResult> PostJsonAsync<TBody, TResult>(string accessToken, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url(path))
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
            },
        };
        return SendAsync(request, accessToken, resultType, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, string accessToken, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using (request)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            var path = request.RequestUri!.AbsolutePath;
            ChannelResponse response;
            try
            {
                response = await ChannelHttp.SendAsync(httpClientFactory.CreateClient(ClientName), request, channel, cancellationToken).ConfigureAwait(false);
            }
            catch (ChannelException ex)
            {
                ChannelLog.CallFailed(logger, path, ex);
                throw;
            }

            if (!IsSuccess(response))
            {
                var ex = GraphErrors.Classify(channel, response);
                ChannelLog.CallFailed(logger, path, ex);
                throw ex;
            }

            try
            {
                return JsonSerializer.Deserialize(response.Body, type)
                    ?? throw new ChannelException(channel, ChannelErrorKind.Permanent, null, "Empty Graph response.", (int)response.Status);
            }
            catch (JsonException ex)
            {
                throw new ChannelException(channel, ChannelErrorKind.Permanent, null, "Unreadable Graph response.", (int)response.Status, null, ex);
            }
        }
    }

    // Graph can answer 200 with an error body (rare, batch-style); treat any `error` object as a failure.
    private static bool IsSuccess(ChannelResponse response) =>
        (int)response.Status is >= 200 and < 300 && GraphErrors.TryReadError(response.Body) is null;
}
