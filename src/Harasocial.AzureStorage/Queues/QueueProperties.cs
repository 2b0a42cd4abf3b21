namespace Harasocial.AzureStorage;

/// <summary>Queue metadata; the count is approximate by design of the service.</summary>
public sealed record QueueProperties(int ApproximateMessagesCount, IReadOnlyDictionary<string, string> Metadata);
