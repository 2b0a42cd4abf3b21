using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Harasocial.AzureStorage;

/// <summary>Sets x-ms-version and a fresh x-ms-date on every attempt (a retried request must not reuse a stale date).</summary>
internal sealed class StorageHeadersPolicy(string version) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-version", version);
        message.Request.Headers.SetValue("x-ms-date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
    }
}
