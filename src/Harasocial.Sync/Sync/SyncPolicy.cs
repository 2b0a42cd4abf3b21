using Harasocial.Sync.Channels;

namespace Harasocial.Sync.Sync;

/// <summary>
/// What an initial sync imports from one channel (SPEC §2). The one place these limits live; each can be overridden
/// per channel in configuration (<c>Sync:Policies:Facebook:Messages</c> …).
/// </summary>
internal sealed class ChannelPolicy
{
    /// <summary>Conversations to import, newest first (Facebook uses the recent/fill-up rule instead).</summary>
    public int Conversations { get; set; }

    /// <summary>Facebook phase 1: every conversation active within this many days, without a count cap.</summary>
    public int? RecentDays { get; set; }

    /// <summary>Facebook phase 2 runs only when phase 1 found fewer than this many.</summary>
    public int FillUpBelow { get; set; }

    /// <summary>Facebook phase 2: how many older conversations it may add.</summary>
    public int FillUpMax { get; set; }

    public int Messages { get; set; }

    /// <summary>Zalo: messages for a customer who unfollowed the OA.</summary>
    public int MessagesIfUnfollowed { get; set; }

    public int Posts { get; set; }

    /// <summary>The newest comments across the imported posts.</summary>
    public int Comments { get; set; }

    /// <summary>Zalo load-more: conversations per call and the most a connection may hold.</summary>
    public int LoadMoreBatch { get; set; }

    public int LoadMoreMax { get; set; }

    /// <summary>Conversation-list calls per second per account (Graph: 2/s per Page or IG account); 0 = no pacing.</summary>
    public double ConversationCallsPerSecond { get; set; }

    /// <summary>How many conversations' messages a job imports at once (one activity each).</summary>
    public int ParallelConversations { get; set; } = 8;

    public bool ImportsPosts => Posts > 0;

    public static Dictionary<ChannelKind, ChannelPolicy> Defaults() => new()
    {
        [ChannelKind.Facebook] = new() { RecentDays = 30, FillUpBelow = 100, FillUpMax = 100, Messages = 50, Posts = 5, Comments = 100, ConversationCallsPerSecond = 2, ParallelConversations = 4 },
        [ChannelKind.Instagram] = new() { Conversations = 50, Messages = 50, Posts = 5, Comments = 20, ConversationCallsPerSecond = 2, ParallelConversations = 4 },
        [ChannelKind.Zalo] = new() { Conversations = 100, Messages = 100, MessagesIfUnfollowed = 1, LoadMoreBatch = 30, LoadMoreMax = 1500 },
        [ChannelKind.Shopee] = new() { Conversations = 100, Messages = 30 },
    };
}
