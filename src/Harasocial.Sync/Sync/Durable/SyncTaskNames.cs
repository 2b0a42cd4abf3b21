namespace Harasocial.Sync.Sync.Durable;

/// <summary>
/// The name of every orchestrator and activity. Both hosts register them under these names — the Functions worker
/// as <c>[Function]</c>s, the standalone host in its Durable worker — so an instance started by one host can be
/// run by the other (the parity test compares them).
/// </summary>
internal static class SyncTaskNames
{
    // Orchestrators: one per kind of job, and the per-page spam-folder watch.
    public const string InitialSync = nameof(InitialSync);
    public const string LoadMore = nameof(LoadMore);
    public const string Backfill = nameof(Backfill);
    public const string ConnectionResync = nameof(ConnectionResync);
    public const string SpamSync = nameof(SpamSync);
    public const string SpamWatch = nameof(SpamWatch);

    // Activities: one unit of channel work and its writes each.
    public const string ImportConversationPage = nameof(ImportConversationPage);
    public const string ImportConversationMessages = nameof(ImportConversationMessages);
    public const string ImportPosts = nameof(ImportPosts);
    public const string ImportComments = nameof(ImportComments);
    public const string KeepNewestComments = nameof(KeepNewestComments);
    public const string RefreshExpiringToken = nameof(RefreshExpiringToken);
    public const string FinishJob = nameof(FinishJob);
    public const string NextSpamCheck = nameof(NextSpamCheck);
    public const string CompleteSpamCheck = nameof(CompleteSpamCheck);

    /// <summary>The event that wakes a spam watch to re-read when its next check is due.</summary>
    public const string WakeEvent = "wake";
}
