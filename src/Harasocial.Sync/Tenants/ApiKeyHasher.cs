using System.Security.Cryptography;
using System.Text;

namespace Harasocial.Sync.Tenants;

/// <summary>
/// Tenant API keys: 32 random bytes shown once; only their SHA-256 is stored. Keys carry enough entropy that a fast
/// hash is the right tool (no password stretching needed) and lookups stay cheap on every request.
/// </summary>
internal static class ApiKeyHasher
{
    public const string Prefix = "hsk_";

    public static string NewKey() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
