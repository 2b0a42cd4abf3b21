using Azure;
using Azure.Data.Tables;

namespace Harasocial.Sync.Storage;

/// <summary>A connected channel account. PK = tenant id, RK = connection id. Tokens are AES-GCM sealed.</summary>
internal sealed class ConnectionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Channel { get; set; } = string.Empty;

    public string ExternalId { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string? LinkedPageId { get; set; }

    public string Status { get; set; } = ConnectionStatus.Syncing;

    public string? StatusReason { get; set; }

    public string AccessToken { get; set; } = string.Empty;

    public string? RefreshToken { get; set; }

    public DateTimeOffset? TokenExpiresAt { get; set; }

    /// <summary>While set in the future, one instance is refreshing the single-use refresh token.</summary>
    public DateTimeOffset? RefreshingUntil { get; set; }

    public bool SyncSpam { get; set; }

    /// <summary>When the one pending spam-folder check of this page is due (null: none pending).</summary>
    public DateTimeOffset? NextSpamCheckAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSyncAt { get; set; }

    /// <summary>Resync imports conversations active after this: the start of the last completed initial or resync job.</summary>
    public DateTimeOffset? Watermark { get; set; }

    public string? ActiveJobId { get; set; }

    public int Conversations { get; set; }

    public long Messages { get; set; }

    public int Posts { get; set; }

    public int Comments { get; set; }

    /// <summary>The last job ids whose counts were added here, so a finalizer that runs twice adds nothing twice.</summary>
    public string CountedJobs { get; set; } = string.Empty;

    /// <summary>Zalo: where the conversation listing stopped (for load-more) and how many conversations it holds.</summary>
    public string? ListCursor { get; set; }

    public int ListedConversations { get; set; }
}

/// <summary>
/// A connection's lifecycle (SPEC §4): <see cref="Syncing"/> while its initial sync runs, then <see cref="Active"/>, or
/// <see cref="SyncFailed"/> (with the reason; a new initial sync retries it); <see cref="ReauthRequired"/> when the
/// channel rejects its token; <see cref="Disconnected"/> by the seller. Connecting the account again reactivates a
/// disconnected or re-auth connection.
/// </summary>
internal static class ConnectionStatus
{
    public const string Active = "active";
    public const string Syncing = "syncing";
    public const string SyncFailed = "sync_failed";
    public const string ReauthRequired = "reauth_required";
    public const string Disconnected = "disconnected";

    /// <summary>
    /// Webhook events apply to these only (an allow-list: a status added later receives none until it is listed). A
    /// failed initial sync still holds a proven account and a working token: its buyers' new messages keep arriving.
    /// </summary>
    public static bool ReceivesEvents(string status) => status is Active or Syncing or SyncFailed;

    /// <summary>Sync jobs may run (the token is trusted and the seller wants the account synced).</summary>
    public static bool CanSync(string status) => status is Active or Syncing or SyncFailed;
}

/// <summary>One row per connected channel account, across tenants: PK = channel, RK = escaped external id.</summary>
internal sealed class AccountEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string TenantId { get; set; } = string.Empty;

    public string ConnectionId { get; set; } = string.Empty;
}
