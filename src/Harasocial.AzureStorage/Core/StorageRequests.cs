using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Harasocial.AzureStorage;

/// <summary>Sends a message on the shared pipeline and maps failures to <see cref="RequestFailedException"/>.</summary>
internal static class StorageRequests
{
    public static HttpMessage Create(HttpPipeline pipeline, RequestMethod method, string url)
    {
        var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(url));
        return message;
    }

    public static async ValueTask<Response> SendAsync(HttpPipeline pipeline, HttpMessage message, CancellationToken cancellationToken)
    {
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        return IsSuccess(response.Status) ? response : throw StorageErrors.Create(response);
    }

    /// <summary>Sends and returns the failure as a status instead of throwing when it is one of <paramref name="tolerated"/>.</summary>
    public static async ValueTask<Response> SendAllowingAsync(HttpPipeline pipeline, HttpMessage message, int tolerated, CancellationToken cancellationToken)
    {
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        return IsSuccess(response.Status) || response.Status == tolerated ? response : throw StorageErrors.Create(response);
    }

    public static bool IsSuccess(int status) => status is >= 200 and < 300;
}
