using Azure.Core;
using Azure.Core.Pipeline;

namespace Harasocial.AzureStorage;

/// <summary>Signs each attempt (per retry, after <see cref="StorageHeadersPolicy"/> refreshed x-ms-date).</summary>
internal sealed class SharedKeyPolicy(StorageSharedKeyCredential credential, bool tableService) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var uri = request.Uri.ToUri();
        string stringToSign;
        if (tableService)
        {
            request.Headers.TryGetValue("x-ms-date", out var date);
            request.Headers.TryGetValue("Content-MD5", out var md5);
            request.Headers.TryGetValue("Content-Type", out var contentType);
            stringToSign = SharedKeyStringToSign.ForTable(request.Method.Method, uri, md5, contentType, date ?? string.Empty, credential.AccountName);
        }
        else
        {
            long? length = request.Content is { } content && content.TryComputeLength(out var l) ? l : null;
            var headers = request.Headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value));
            stringToSign = SharedKeyStringToSign.ForQueue(request.Method.Method, uri, headers, length, credential.AccountName);
        }

        request.Headers.SetValue(
            "Authorization", "SharedKey " + credential.AccountName + ":" + credential.ComputeHmacSha256(stringToSign));
    }
}
