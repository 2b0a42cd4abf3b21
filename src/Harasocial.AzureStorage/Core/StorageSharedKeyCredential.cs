using System.Security.Cryptography;
using System.Text;

namespace Harasocial.AzureStorage;

/// <summary>An account name and key for Shared Key authorization (Azurite, or accounts without managed identity).</summary>
public sealed class StorageSharedKeyCredential
{
    private readonly byte[] key;

    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        AccountName = accountName;
        try
        {
            key = Convert.FromBase64String(accountKey);
        }
        catch (FormatException ex)
        {
            throw new FormatException("The storage account key is not valid base64.", ex);
        }
    }

    public string AccountName { get; }

    /// <summary>HMAC-SHA256 of the UTF-8 string-to-sign, base64 encoded, as the Authorization header needs.</summary>
    internal string ComputeHmacSha256(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
}
