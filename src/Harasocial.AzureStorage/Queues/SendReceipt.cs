namespace Harasocial.AzureStorage;

/// <summary>What Put Message returns (mirrors Azure.Storage.Queues.Models.SendReceipt).</summary>
public sealed record SendReceipt(
    string MessageId, string PopReceipt, DateTimeOffset InsertionTime, DateTimeOffset ExpirationTime, DateTimeOffset TimeNextVisible);
