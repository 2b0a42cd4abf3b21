using System.Security.Cryptography;
using System.Text;

namespace Harasocial.Functions.Sync.Steps;

/// <summary>
/// Deterministic step ids: the same work always gets the same id, so its marker makes it count once. A child's id
/// carries a hash of its parent's (not the parent's whole id), so ids stay short however long a chain of pages
/// grows — they end up in row keys, which Table storage caps at 1 KiB.
/// </summary>
internal static class StepIds
{
    public static string ConversationPage(string folder, string? cursor) => $"conversations:{folder}:{Hash(cursor)}";

    public static string Messages(string parent, string customerId, string? cursor) => $"messages:{customerId}:{Hash(cursor)}@{Hash(parent)}";

    public static string Customer(string parent, string customerId) => $"customer:{customerId}@{Hash(parent)}";

    private static string Hash(string? value) =>
        value is null ? "start" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
}
