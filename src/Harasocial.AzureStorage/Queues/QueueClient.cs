using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Harasocial.AzureStorage;

/// <summary>
/// One queue (names mirror Azure.Storage.Queues.QueueClient).
/// REST reference: https://learn.microsoft.com/rest/api/storageservices/queue-service-rest-api.
/// </summary>
public sealed partial class QueueClient
{
    private readonly HttpPipeline pipeline;
    private readonly string queueUrl;

    internal QueueClient(HttpPipeline pipeline, string baseAddress, string queueName)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        this.pipeline = pipeline;
        Name = queueName;
        queueUrl = baseAddress + "/" + Uri.EscapeDataString(queueName);
    }

    public string Name { get; }

    /// <summary>Creates the queue; 409 (exists with other metadata) counts as "exists".</summary>
    public async Task<Response> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = StorageRequests.Create(pipeline, RequestMethod.Put, queueUrl);
        return await StorageRequests.SendAllowingAsync(pipeline, message, 409, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = StorageRequests.Create(pipeline, RequestMethod.Delete, queueUrl);
        var response = await StorageRequests.SendAllowingAsync(pipeline, message, 404, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Status != 404, response);
    }

    public async Task<Response<QueueProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = StorageRequests.Create(pipeline, RequestMethod.Get, queueUrl + "?comp=metadata");
        var response = await StorageRequests.SendAsync(pipeline, message, cancellationToken).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count);
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name["x-ms-meta-".Length..]] = header.Value;
            }
        }

        var properties = new QueueProperties(count is null ? 0 : int.Parse(count, CultureInfo.InvariantCulture), metadata);
        return Response.FromValue(properties, response);
    }

    public async Task<Response> ClearMessagesAsync(CancellationToken cancellationToken = default)
    {
        using var message = StorageRequests.Create(pipeline, RequestMethod.Delete, queueUrl + "/messages");
        return await StorageRequests.SendAsync(pipeline, message, cancellationToken).ConfigureAwait(false);
    }

    private static string Seconds(TimeSpan value) =>
        ((long)Math.Floor(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
