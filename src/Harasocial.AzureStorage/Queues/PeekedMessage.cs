namespace Harasocial.AzureStorage;

/// <summary>A message seen without being dequeued (no pop receipt, dequeue count unchanged).</summary>
public sealed record PeekedMessage(
    string MessageId, string MessageText, long DequeueCount, DateTimeOffset? InsertedOn, DateTimeOffset? ExpiresOn)
{
    public BinaryData Body => BinaryData.FromString(MessageText);
}
