using System.Security.Cryptography;
using Harasocial.Functions.Security;
using Microsoft.Extensions.Options;

namespace Harasocial.Functions.Tests.Security;

public sealed class TokenProtectorTests
{
    private static readonly TokenProtector Protector = new(Options.Create(new SecurityOptions { TokenEncryptionKey = Convert.ToBase64String(new byte[32]) }));

    [Fact]
    public void Protect_ThenUnprotect_SameOwner_RoundTrips()
    {
        var sealedToken = Protector.Protect("EAAG-page-token-ñ", "conn-1");

        Assert.Equal("EAAG-page-token-ñ", Protector.Unprotect(sealedToken, "conn-1"));
        Assert.DoesNotContain("EAAG", sealedToken, StringComparison.Ordinal);
        Assert.StartsWith("v1.", sealedToken, StringComparison.Ordinal);
    }

    [Fact]
    public void Protect_SameTokenTwice_DifferentCiphertexts()
    {
        Assert.NotEqual(Protector.Protect("t", "c"), Protector.Protect("t", "c"));
    }

    [Fact]
    public void Unprotect_OtherOwner_Throws()
    {
        var sealedToken = Protector.Protect("secret", "conn-1");

        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect(sealedToken, "conn-2"));
    }

    [Fact]
    public void Unprotect_TamperedCiphertext_Throws()
    {
        var sealedToken = Protector.Protect("secret", "conn-1");
        var tampered = sealedToken[..^2] + (sealedToken[^2] == 'A' ? "B" : "A") + sealedToken[^1];

        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect(tampered, "conn-1"));
        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect("not-a-token", "conn-1"));
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
}
