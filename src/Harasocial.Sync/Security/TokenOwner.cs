namespace Harasocial.Sync.Security;

/// <summary>Which of a connection's two tokens a ciphertext holds.</summary>
internal enum TokenField { Access, Refresh }

/// <summary>
/// Where a sealed token lives: tenant, connection and field. It is the AES-GCM associated data, so a ciphertext copied
/// into another row, another tenant's row or the other token field of the same row does not decrypt.
/// </summary>
internal readonly record struct TokenOwner(string TenantId, string ConnectionId, TokenField Field)
{
    public override string ToString() => $"{TenantId}/{ConnectionId}/{Field}";
}
