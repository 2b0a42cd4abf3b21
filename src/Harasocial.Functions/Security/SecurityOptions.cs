using System.ComponentModel.DataAnnotations;

namespace Harasocial.Functions.Security;

internal sealed class SecurityOptions : IValidatableObject
{
    public const string Section = "Security";

    /// <summary>Base64 of 32 random bytes (AES-256-GCM) that encrypts channel tokens at rest.</summary>
    public string TokenEncryptionKey { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TryDecodeKey(TokenEncryptionKey) is null)
        {
            yield return new ValidationResult(
                "Security:TokenEncryptionKey must be the base64 of exactly 32 random bytes (e.g. `openssl rand -base64 32`).",
                [nameof(TokenEncryptionKey)]);
        }
    }

    public static byte[]? TryDecodeKey(string value)
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) && written == 32 ? buffer[..32] : null;
    }
}

internal sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The operator key: it may create tenants and nothing else.</summary>
    [Required(ErrorMessage = "Auth:AdminKey is required (the operator key that creates tenants).")]
    [MinLength(16, ErrorMessage = "Auth:AdminKey must be at least 16 characters.")]
    public string AdminKey { get; set; } = string.Empty;
}
