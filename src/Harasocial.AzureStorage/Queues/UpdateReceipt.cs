namespace Harasocial.AzureStorage;

/// <summary>What Update Message returns: the new pop receipt and when the message shows again.</summary>
public sealed record UpdateReceipt(string PopReceipt, DateTimeOffset NextVisibleOn);
