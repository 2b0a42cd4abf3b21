namespace Harasocial.Sync.Storage;

/// <summary>
/// Table and queue names. <c>Storage:NamePrefix</c> (empty in Azure) lets tests and side-by-side runs share one
/// account. function.json carries the unprefixed queue names, so the prefix is for standalone mode only.
/// </summary>
internal sealed class StorageNames(string prefix)
{
    // Queues.
    public const string WebhooksQueue = "webhooks";

    // Tables.
    public const string TenantsTable = "tenants";
    public const string ApiKeysTable = "apikeys";
    public const string LeasesTable = "leases";
    public const string ConnectionsTable = "connections";
    public const string AccountsTable = "accounts";
    public const string ConversationsTable = "conversations";
    public const string MessagesTable = "messages";
    public const string PostsTable = "posts";
    public const string CommentsTable = "comments";
    public const string WebhookBodiesTable = "webhookbodies";
    public const string CountersTable = "counters";
    public const string WebhookSeenTable = "webhookseen";
    public const string IdempotencyTable = "idempotency";

    public static IReadOnlyList<string> AllTables { get; } =
    [
        TenantsTable, ApiKeysTable, LeasesTable, ConnectionsTable, AccountsTable,
        ConversationsTable, MessagesTable, PostsTable, CommentsTable, WebhookBodiesTable, CountersTable, WebhookSeenTable, IdempotencyTable,
    ];

    public string Prefix { get; } = prefix;

    public string Queue(string name) => Prefix + name;

    public string PoisonQueue(string name) => Prefix + name + "-poison";

    // Table names allow letters and digits only.
    public string Table(string name) => (Prefix + name).Replace("-", string.Empty, StringComparison.Ordinal);
}
