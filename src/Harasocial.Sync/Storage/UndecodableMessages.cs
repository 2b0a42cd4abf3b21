using Azure.Core;
using Azure.Storage.Queues;

namespace Harasocial.Sync.Storage;

/// <summary>
/// A message that is not base64 (written by something that sends plain text, or before the switch to base64) makes
/// the base64 client throw on every receive of its queue. Like the Functions queue extension, such a message is
/// moved, exactly as it is, to <c>{queue}-poison</c> instead, so the rest of the queue keeps flowing
/// (https://learn.microsoft.com/dotnet/api/azure.storage.queues.queueclientoptions.messagedecodingfailed).
/// </summary>
internal static partial class UndecodableMessages
{
    /// <param name="raw">a queue service client without message encoding, so the text moves unchanged.</param>
    /// <param name="logger">where each move is reported.</param>
    public static SyncAsyncEventHandler<QueueMessageDecodingFailedEventArgs> MoveToPoison(QueueServiceClient raw, ILogger logger) =>
        async args =>
        {
            // Peeks leave the message where it is. The app only receives asynchronously, so the handler may await.
            if (args.ReceivedMessage is not { } message)
            {
                return;
            }

            var poison = raw.GetQueueClient(args.Queue.Name + "-poison");
            await poison.CreateIfNotExistsAsync(cancellationToken: args.CancellationToken);
            await poison.SendMessageAsync(message.Body, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: args.CancellationToken);
            await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
            LogMoved(logger, args.Queue.Name, message.MessageId);
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue}: message {MessageId} is not base64; moved to the poison queue unchanged")]
    private static partial void LogMoved(ILogger logger, string queue, string messageId);
}
