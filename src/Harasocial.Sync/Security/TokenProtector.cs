using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Security;

/// <summary>
/// Encrypts channel tokens at rest with AES-256-GCM. Format <c>v2.{keyId}.{nonce}.{ciphertext+tag}</c> (base64url):
/// the key id names the key that sealed it, so a second key can be configured for rotation (read both, write the
/// new one); the associated data binds the ciphertext to its <see cref="TokenOwner"/>. Tokens sealed by the first
/// format (<c>v1.{nonce}.{ciphertext+tag}</c>, bound to the connection id only) still decrypt with any configured
/// key until they are re-sealed (<see cref="NeedsReseal"/>).
/// </summary>
internal sealed class TokenProtector
{
    private const string Version = "v2";
    private const string LegacyVersion = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly TokenKey current;
    private readonly IReadOnlyList<TokenKey> all;

    public TokenProtector(IOptions<SecurityOptions> options)
    {
        var o = options.Value;
        current = TokenKey.From(SecurityOptions.TryDecodeKey(o.TokenEncryptionKey)
            ?? throw new InvalidOperationException("Security:TokenEncryptionKey is not a base64 256-bit key."));
        var previous = SecurityOptions.SplitKeys(o.PreviousTokenEncryptionKeys)
            .Select(k => TokenKey.From(SecurityOptions.TryDecodeKey(k)
                ?? throw new InvalidOperationException("Security:PreviousTokenEncryptionKeys holds a value that is not a base64 256-bit key.")));
        all = [current, .. previous.Where(k => k.Id != current.Id)];
    }

    /// <summary>The id of the key new tokens are sealed with (a hash of the key, never the key).</summary>
    public string CurrentKeyId => current.Id;

    public string Protect(string plaintext, TokenOwner owner)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var output = new byte[data.Length + TagSize];
        using var aes = new AesGcm(current.Key, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(0, data.Length), output.AsSpan(data.Length), AssociatedData(current.Id, owner));
        return $"{Version}.{current.Id}.{Base64Url(nonce)}.{Base64Url(output)}";
    }

    public string Unprotect(string protectedValue, TokenOwner owner)
    {
        var parts = protectedValue.Split('.');
        if (parts is [Version, var keyId, var nonce, var sealedData])
        {
            var key = all.FirstOrDefault(k => string.Equals(k.Id, keyId, StringComparison.Ordinal))
                ?? throw new CryptographicException($"The token was sealed with key {keyId}, which is not configured (Security:PreviousTokenEncryptionKeys).");
            return Open(key.Key, nonce, sealedData, AssociatedData(keyId, owner));
        }

        if (parts is [LegacyVersion, var legacyNonce, var legacyData])
        {
            // The first format bound the ciphertext to the connection id alone and carried no key id: try each key.
            foreach (var key in all)
            {
                try
                {
                    return Open(key.Key, legacyNonce, legacyData, Encoding.UTF8.GetBytes(owner.ConnectionId));
                }
                catch (CryptographicException)
                {
                    // Next key.
                }
            }

            throw new CryptographicException("No configured key opens this token.");
        }

        throw new CryptographicException("Not a protected token.");
    }

    /// <summary>True when the value is sealed by the first format or by a key other than the current one.</summary>
    public bool NeedsReseal(string protectedValue) =>
        !protectedValue.StartsWith($"{Version}.{current.Id}.", StringComparison.Ordinal);

    private static string Open(byte[] key, string nonceText, string sealedText, byte[] associatedData)
    {
        var nonce = FromBase64Url(nonceText);
        var sealedData = FromBase64Url(sealedText);
        if (nonce.Length != NonceSize || sealedData.Length < TagSize)
        {
            throw new CryptographicException("Not a protected token.");
        }

        var plain = new byte[sealedData.Length - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(nonce, sealedData.AsSpan(0, plain.Length), sealedData.AsSpan(plain.Length), plain, associatedData);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Length-prefixed parts, so no choice of ids can make two different owners encode alike.</summary>
    private static byte[] AssociatedData(string keyId, TokenOwner owner)
    {
        var builder = new StringBuilder("harasocial-token-v2");
        foreach (var part in new[] { keyId, owner.TenantId, owner.ConnectionId, owner.Field == TokenField.Access ? "access" : "refresh" })
        {
            builder.Append('|').Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part);
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        try
        {
            return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
        }
        catch (FormatException ex)
        {
            throw new CryptographicException("Not a protected token.", ex);
        }
    }

    /// <summary>A key and its id: the first 6 bytes of SHA-256 over a label and the key, base64url (8 characters).</summary>
    private sealed record TokenKey(string Id, byte[] Key)
    {
        public static TokenKey From(byte[] key)
        {
            var digest = SHA256.HashData([.. "harasocial-token-key-id:"u8, .. key]);
            return new TokenKey(Base64Url(digest[..6]), key);
        }
    }
}
