using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Harasocial.Sync.Security;

/// <summary>
/// Signs listing cursors so that a cursor is accepted only by the listing that issued it (SPEC §4: "a cursor not
/// issued for this listing → 400"): the storage key it carries is MACed together with its scope (connection + folder
/// + status, or conversation). <c>garbage</c>, a cursor of another folder or connection, or a hand-made storage key
/// all fail the check. The HMAC key is derived (HKDF) from <c>Security:TokenEncryptionKey</c>, so no new secret is
/// needed; rotating that key invalidates outstanding cursors, which clients meet as a 400 and restart the listing.
/// </summary>
internal sealed class CursorProtector(IOptions<SecurityOptions> options)
{
    private const int MacBytes = 16;
    private const int MaxCursorLength = 1200;

    private readonly byte[] key = HKDF.DeriveKey(
        HashAlgorithmName.SHA256,
        SecurityOptions.TryDecodeKey(options.Value.TokenEncryptionKey) ?? throw new InvalidOperationException("Security:TokenEncryptionKey is not a base64 256-bit key."),
        32,
        info: Encoding.UTF8.GetBytes("harasocial/listing-cursors/v1"));

    /// <summary><c>{base64url(storage key)}.{base64url(MAC)}</c>; null when the listing has no next page.</summary>
    public string? Protect(string scope, string? storageKey) =>
        storageKey is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(storageKey)) + "." + Base64Url.EncodeToString(Mac(scope, storageKey));

    /// <summary>The storage key a cursor of this <paramref name="scope"/> carries; false for anything else.</summary>
    public bool TryUnprotect(string scope, string cursor, out string storageKey)
    {
        storageKey = string.Empty;
        var dot = cursor.LastIndexOf('.');
        if (cursor.Length > MaxCursorLength || dot <= 0)
        {
            return false;
        }

        byte[] payload;
        byte[] mac;
        try
        {
            payload = Base64Url.DecodeFromChars(cursor.AsSpan(0, dot));
            mac = Base64Url.DecodeFromChars(cursor.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(payload);
        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(scope, text)))
        {
            return false;
        }

        storageKey = text;
        return true;
    }

    private byte[] Mac(string scope, string storageKey) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope + "\n" + storageKey))[..MacBytes];
}
