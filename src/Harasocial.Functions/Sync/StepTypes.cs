namespace Harasocial.Functions.Sync;

/// <summary>
/// Every message type on the <c>sync-steps</c> queue. A new step type is added here and in
/// <see cref="SyncStepHandler"/>'s switch; an unknown type fails loudly and lands in the poison queue.
/// </summary>
internal static class StepTypes
{
    public const string Conversations = "sync.conversations";
    public const string Customer = "sync.customer";
    public const string Messages = "sync.messages";
    public const string Posts = "sync.posts";
    public const string Comments = "sync.comments";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Conversations, Customer, Messages, Posts, Comments };
}

/// <summary>The versioned queue envelope <c>{type, v, data}</c> (ARCHITECTURE "data path").</summary>
internal sealed record StepEnvelope(string Type, int V, SyncStep Data)
{
    public const int CurrentVersion = 1;
}
