using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Harasocial.Functions.Security;

/// <summary>
/// Encrypts channel tokens at rest with AES-256-GCM. The ciphertext is bound to its owner (associated data, e.g. the
/// connection id), so a token copied into another row does not decrypt. Format: <c>v1.{nonce}.{ciphertext+tag}</c> in base64url.
/// </summary>
internal sealed class TokenProtector(IOptions<SecurityOptions> options)
{
    private const string Version = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] key = SecurityOptions.TryDecodeKey(options.Value.TokenEncryptionKey)
        ?? throw new InvalidOperationException("Security:TokenEncryptionKey is not a base64 256-bit key.");

    public string Protect(string plaintext, string owner)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var output = new byte[data.Length + TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(0, data.Length), output.AsSpan(data.Length), Encoding.UTF8.GetBytes(owner));
        return $"{Version}.{Base64Url(nonce)}.{Base64Url(output)}";
    }

    public string Unprotect(string protectedValue, string owner)
    {
        var parts = protectedValue.Split('.');
        if (parts.Length != 3 || parts[0] != Version)
        {
            throw new CryptographicException("Not a protected token.");
        }

        var nonce = FromBase64Url(parts[1]);
        var sealedData = FromBase64Url(parts[2]);
        if (nonce.Length != NonceSize || sealedData.Length < TagSize)
        {
            throw new CryptographicException("Not a protected token.");
        }

        var plain = new byte[sealedData.Length - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(nonce, sealedData.AsSpan(0, plain.Length), sealedData.AsSpan(plain.Length), plain, Encoding.UTF8.GetBytes(owner));
        return Encoding.UTF8.GetString(plain);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
