using System.ComponentModel.DataAnnotations;

namespace Harasocial.Sync.Security;

internal sealed class SecurityOptions : IValidatableObject
{
    public const string Section = "Security";

    /// <summary>Base64 of 32 random bytes (AES-256-GCM) that encrypts channel tokens at rest. New tokens are sealed with it.</summary>
    public string TokenEncryptionKey { get; set; } = string.Empty;

    /// <summary>
    /// Keys that sealed tokens before the last rotation, comma-separated base64: still read, never written. The resync
    /// timer re-seals every token under <see cref="TokenEncryptionKey"/>, after which an old key can be removed.
    /// </summary>
    public string PreviousTokenEncryptionKeys { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var current = TryDecodeKey(TokenEncryptionKey);
        if (current is null)
        {
            yield return new ValidationResult(
                "Security:TokenEncryptionKey must be the base64 of exactly 32 random bytes (e.g. `openssl rand -base64 32`).",
                [nameof(TokenEncryptionKey)]);
        }

        var previous = SplitKeys(PreviousTokenEncryptionKeys);
        for (var i = 0; i < previous.Count; i++)
        {
            var key = TryDecodeKey(previous[i]);
            if (key is null)
            {
                yield return new ValidationResult(
                    $"Security:PreviousTokenEncryptionKeys entry {i + 1} is not the base64 of exactly 32 bytes (comma-separated keys).",
                    [nameof(PreviousTokenEncryptionKeys)]);
            }
            else if (current is not null && key.AsSpan().SequenceEqual(current))
            {
                yield return new ValidationResult(
                    "Security:PreviousTokenEncryptionKeys must not repeat the current Security:TokenEncryptionKey.",
                    [nameof(PreviousTokenEncryptionKeys)]);
            }
        }
    }

    public static IReadOnlyList<string> SplitKeys(string value) =>
        value.Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

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
