namespace Harasocial.AzureStorage;

/// <summary>A received message; <see cref="PopReceipt"/> is needed to delete or update it.</summary>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    string MessageText,
    long DequeueCount,
    DateTimeOffset? InsertedOn,
    DateTimeOffset? ExpiresOn,
    DateTimeOffset? NextVisibleOn)
{
    public BinaryData Body => BinaryData.FromString(MessageText);
}
