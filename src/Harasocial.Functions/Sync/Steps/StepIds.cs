using System.Security.Cryptography;
using System.Text;

namespace Harasocial.Functions.Sync.Steps;

/// <summary>Deterministic step ids: the same work always gets the same id, so its marker makes it run once.</summary>
internal static class StepIds
{
    public static string ConversationPage(string folder, string? cursor) => $"conversations:{folder}:{Hash(cursor)}";

    public static string Messages(string parent, string customerId, string? cursor) => $"{parent}/messages:{customerId}:{Hash(cursor)}";

    public static string Customer(string parent, string customerId) => $"{parent}/customer:{customerId}";

    private static string Hash(string? value) =>
        value is null ? "start" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
}
