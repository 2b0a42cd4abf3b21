using System.Security.Cryptography;
using System.Text;
using Harasocial.Sync.Security;
using Microsoft.Extensions.Options;

namespace Harasocial.Functions.Tests.Security;

public sealed class TokenProtectorTests
{
    private static readonly string KeyA = Convert.ToBase64String(new byte[32]);
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly TokenOwner Access = new("shop-1", "cn_1", TokenField.Access);
    private static readonly TokenProtector Protector = Create(KeyA);

    [Fact]
    public void Protect_ThenUnprotect_SameOwner_RoundTrips()
    {
        var sealedToken = Protector.Protect("EAAG-page-token-ñ", Access);

        Assert.Equal("EAAG-page-token-ñ", Protector.Unprotect(sealedToken, Access));
        Assert.DoesNotContain("EAAG", sealedToken, StringComparison.Ordinal);
        Assert.StartsWith($"v2.{Protector.CurrentKeyId}.", sealedToken, StringComparison.Ordinal);
    }

    [Fact]
    public void Protect_SameTokenTwice_DifferentCiphertexts()
    {
        Assert.NotEqual(Protector.Protect("t", Access), Protector.Protect("t", Access));
    }

    [Fact]
    public void Unprotect_AccessCiphertextReadAsRefresh_Throws()
    {
        // The finding: access and refresh ciphertexts of one row could be swapped. The field is now bound.
        var sealedAccess = Protector.Protect("access-token", Access);
        var sealedRefresh = Protector.Protect("refresh-token", Access with { Field = TokenField.Refresh });

        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect(sealedAccess, Access with { Field = TokenField.Refresh }));
        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect(sealedRefresh, Access));
    }

    [Theory]
    [InlineData("shop-1", "cn_2")]
    [InlineData("shop-2", "cn_1")]
    [InlineData("shop-1c", "n_1")]
    public void Unprotect_OtherRowOrTenant_Throws(string tenant, string connection)
    {
        var sealedToken = Protector.Protect("secret", Access);

        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect(sealedToken, new TokenOwner(tenant, connection, TokenField.Access)));
    }

    [Fact]
    public void Unprotect_TamperedCiphertextOrKeyId_Throws()
    {
        var sealedToken = Protector.Protect("secret", Access);
        var tampered = sealedToken[..^2] + (sealedToken[^2] == 'A' ? "B" : "A") + sealedToken[^1];
        var otherKeyId = sealedToken.Replace(Protector.CurrentKeyId, Create(KeyB).CurrentKeyId, StringComparison.Ordinal);

        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect(tampered, Access));
        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect(otherKeyId, Access));
        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect("not-a-token", Access));
        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect("v2.x.!!.??", Access));
    }

    [Fact]
    public void Rotation_NewKeyWithOldAsPrevious_ReadsOldWritesNewAndOldKeyAloneCannotReadNew()
    {
        var before = Protector.Protect("zalo-access", Access);
        var rotated = Create(KeyB, previous: KeyA);

        Assert.Equal("zalo-access", rotated.Unprotect(before, Access));
        Assert.True(rotated.NeedsReseal(before));
        var after = rotated.Protect("zalo-access", Access);
        Assert.False(rotated.NeedsReseal(after));
        Assert.StartsWith($"v2.{rotated.CurrentKeyId}.", after, StringComparison.Ordinal);
        Assert.NotEqual(Protector.CurrentKeyId, rotated.CurrentKeyId);
        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect(after, Access));
        Assert.ThrowsAny<CryptographicException>(() => Create(KeyB).Unprotect(before, Access));
    }

    [Fact]
    public void LegacyV1Token_ReadableWithTheKeyThatSealedItAndNeedsReseal()
    {
        // The first format: v1.{nonce}.{ciphertext+tag}, associated data = the connection id.
        var nonce = RandomNumberGenerator.GetBytes(12);
        var plain = Encoding.UTF8.GetBytes("old-page-token");
        var output = new byte[plain.Length + 16];
        using (var aes = new AesGcm(Convert.FromBase64String(KeyA), 16))
        {
            aes.Encrypt(nonce, plain, output.AsSpan(0, plain.Length), output.AsSpan(plain.Length), Encoding.UTF8.GetBytes("cn_1"));
        }

        var legacy = $"v1.{Url(nonce)}.{Url(output)}";

        Assert.Equal("old-page-token", Create(KeyB, previous: KeyA).Unprotect(legacy, Access));
        Assert.True(Protector.NeedsReseal(legacy));
        Assert.ThrowsAny<CryptographicException>(() => Create(KeyB).Unprotect(legacy, Access));
        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect(legacy, Access with { ConnectionId = "cn_2" }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gIQ==")]
    public void Options_KeyNotExactly32Bytes_FailsValidation(string key)
    {
        var errors = new SecurityOptions { TokenEncryptionKey = key }.Validate(new(new object())).ToList();

        Assert.Contains("Security:TokenEncryptionKey", Assert.Single(errors).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_PreviousKeysBadOrRepeatingCurrent_FailValidation()
    {
        var bad = new SecurityOptions { TokenEncryptionKey = KeyB, PreviousTokenEncryptionKeys = $"{KeyA}, short" }.Validate(new(new object())).ToList();
        var repeated = new SecurityOptions { TokenEncryptionKey = KeyB, PreviousTokenEncryptionKeys = KeyB }.Validate(new(new object())).ToList();
        var good = new SecurityOptions { TokenEncryptionKey = KeyB, PreviousTokenEncryptionKeys = $"{KeyA}," }.Validate(new(new object())).ToList();

        Assert.Contains("entry 2", Assert.Single(bad).ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("must not repeat", Assert.Single(repeated).ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(good);
    }

    private static TokenProtector Create(string key, string previous = "") =>
        new(Options.Create(new SecurityOptions { TokenEncryptionKey = key, PreviousTokenEncryptionKeys = previous }));

    private static string Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
