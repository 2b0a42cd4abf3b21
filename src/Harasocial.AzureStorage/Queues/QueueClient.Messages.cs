using System.Text;
using Azure;
using Azure.Core;

namespace Harasocial.AzureStorage;

/// <summary>
/// Message operations: put (with visibility delay and TTL), get, peek, update, delete
/// (https://learn.microsoft.com/rest/api/storageservices/put-message).
/// </summary>
public sealed partial class QueueClient
{
    /// <summary>The service's limit on the XML-escaped UTF-8 message text: 64 KiB.</summary>
    public const int MessageMaxBytes = 64 * 1024;

    /// <summary>The longest visibility delay the service accepts: 7 days.</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    public async Task<Response<SendReceipt>> SendMessageAsync(
        string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        var body = EncodeText(messageText);
        var url = queueUrl + "/messages";
        var query = new List<string>(2);
        if (visibilityTimeout is { } delay)
        {
            ValidateVisibility(delay, nameof(visibilityTimeout));
            query.Add("visibilitytimeout=" + Seconds(delay));
        }

        if (timeToLive is { } ttl)
        {
            // -1 second means "never expires" (version 2017-07-29 and later).
            if (ttl != TimeSpan.FromSeconds(-1) && ttl < TimeSpan.FromSeconds(1))
            {
                throw new ArgumentOutOfRangeException(nameof(timeToLive), ttl, "Time to live must be at least 1 second, or -1 second for never.");
            }

            query.Add("messagettl=" + Seconds(ttl));
        }

        using var message = StorageRequests.Create(pipeline, RequestMethod.Post, query.Count == 0 ? url : url + "?" + string.Join('&', query));
        SetBody(message, body);
        var response = await StorageRequests.SendAsync(pipeline, message, cancellationToken).ConfigureAwait(false);
        var xml = QueueXml.Messages(response).First();
        var receipt = new SendReceipt(
            QueueXml.Text(xml, "MessageId"),
            QueueXml.Text(xml, "PopReceipt"),
            QueueXml.Date(xml, "InsertionTime")!.Value,
            QueueXml.Date(xml, "ExpirationTime")!.Value,
            QueueXml.Date(xml, "TimeNextVisible")!.Value);
        return Response.FromValue(receipt, response);
    }

    public async Task<Response<QueueMessage[]>> ReceiveMessagesAsync(
        int? maxMessages = null, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>(2) { "numofmessages=" + Count(maxMessages) };
        if (visibilityTimeout is { } timeout)
        {
            ValidateVisibility(timeout, nameof(visibilityTimeout));
            query.Add("visibilitytimeout=" + Seconds(timeout));
        }

        using var message = StorageRequests.Create(pipeline, RequestMethod.Get, queueUrl + "/messages?" + string.Join('&', query));
        var response = await StorageRequests.SendAsync(pipeline, message, cancellationToken).ConfigureAwait(false);
        var messages = QueueXml.Messages(response).Select(m => new QueueMessage(
            QueueXml.Text(m, "MessageId"),
            QueueXml.Text(m, "PopReceipt"),
            QueueXml.Text(m, "MessageText"),
            QueueXml.Long(m, "DequeueCount"),
            QueueXml.Date(m, "InsertionTime"),
            QueueXml.Date(m, "ExpirationTime"),
            QueueXml.Date(m, "TimeNextVisible"))).ToArray();
        return Response.FromValue(messages, response);
    }

    public async Task<Response<PeekedMessage[]>> PeekMessagesAsync(int? maxMessages = null, CancellationToken cancellationToken = default)
    {
        var url = queueUrl + "/messages?peekonly=true&numofmessages=" + Count(maxMessages);
        using var message = StorageRequests.Create(pipeline, RequestMethod.Get, url);
        var response = await StorageRequests.SendAsync(pipeline, message, cancellationToken).ConfigureAwait(false);
        var messages = QueueXml.Messages(response).Select(m => new PeekedMessage(
            QueueXml.Text(m, "MessageId"),
            QueueXml.Text(m, "MessageText"),
            QueueXml.Long(m, "DequeueCount"),
            QueueXml.Date(m, "InsertionTime"),
            QueueXml.Date(m, "ExpirationTime"))).ToArray();
        return Response.FromValue(messages, response);
    }

    public async Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        using var message = StorageRequests.Create(pipeline, RequestMethod.Delete, MessageUrl(messageId, popReceipt));
        return await StorageRequests.SendAsync(pipeline, message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes visibility and, when <paramref name="messageText"/> is given, the content.</summary>
    public async Task<Response<UpdateReceipt>> UpdateMessageAsync(
        string messageId, string popReceipt, string? messageText = null, TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default)
    {
        ValidateVisibility(visibilityTimeout, nameof(visibilityTimeout));
        var url = MessageUrl(messageId, popReceipt) + "&visibilitytimeout=" + Seconds(visibilityTimeout);
        using var message = StorageRequests.Create(pipeline, RequestMethod.Put, url);
        if (messageText is not null)
        {
            SetBody(message, EncodeText(messageText));
        }

        var response = await StorageRequests.SendAsync(pipeline, message, cancellationToken).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-popreceipt", out var receipt);
        response.Headers.TryGetValue("x-ms-time-next-visible", out var next);
        var update = new UpdateReceipt(receipt ?? string.Empty, next is null ? default : QueueXml.ParseDate(next));
        return Response.FromValue(update, response);
    }

    private string MessageUrl(string messageId, string popReceipt)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        return queueUrl + "/messages/" + Uri.EscapeDataString(messageId) + "?popreceipt=" + Uri.EscapeDataString(popReceipt);
    }

    private static BinaryData EncodeText(string messageText)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var escaped = QueueXml.Escape(messageText);
        var bytes = Encoding.UTF8.GetByteCount(escaped);
        return bytes > MessageMaxBytes
            ? throw new ArgumentException($"The message is {bytes} bytes once XML-escaped; the limit is {MessageMaxBytes}.", nameof(messageText))
            : QueueXml.MessageBody(escaped);
    }

    private static void SetBody(HttpMessage message, BinaryData body)
    {
        message.Request.Headers.SetValue("Content-Type", "application/xml; charset=utf-8");
        message.Request.Content = RequestContent.Create(body);
    }

    private static int Count(int? maxMessages) => maxMessages switch
    {
        null => 1,
        >= 1 and <= 32 => maxMessages.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, "The service returns 1 to 32 messages per call."),
    };

    private static void ValidateVisibility(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero || value > MaxVisibilityTimeout)
        {
            throw new ArgumentOutOfRangeException(name, value, "Visibility timeout must be between 0 and 7 days.");
        }
    }
}
