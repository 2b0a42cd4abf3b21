namespace Harasocial.ChannelSimulator;

/// <summary>One simulated account with its threads (by folder), posts and tokens. Guarded by the state lock.</summary>
internal sealed class SimAccount(AccountSpec spec, ulong hash, TokenState tokens)
{
    public AccountSpec Spec { get; } = spec;
    public string Channel { get; } = Channels.Normalize(spec.Channel);
    public string Id => Spec.Id;
    public string Name => Spec.Name;
    public ulong Hash { get; } = hash;
    public TokenState Tokens { get; } = tokens;
    public Dictionary<string, ThreadList> Folders { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SimThread> ByCustomer { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SimThread> ByThreadId { get; } = new(StringComparer.Ordinal);
    public List<SimPost> Posts { get; } = [];

    /// <summary>Zalo follow state of users who never wrote (no thread).</summary>
    public Dictionary<string, bool> OtherFollowers { get; } = new(StringComparer.Ordinal);

    /// <summary>Bumped by every change to the threads (a message, a new customer, a folder move): cached views compare it.</summary>
    public int Changes { get; set; }

    /// <summary>Zalo message-per-row <c>listrecentchat</c>: the merged message stream, built as far as callers page.</summary>
    public MessageStream? RecentMessages { get; set; }

    /// <summary>Start times of accepted Graph <c>/conversations</c> calls, for the sliding-window limiter.</summary>
    public Queue<DateTimeOffset> ConversationCalls { get; } = new();

    /// <summary>The id conversations are listed on: the linked page for Instagram, the account id otherwise.</summary>
    public string ListingId => Channel == Channels.Instagram ? Spec.LinkedPageId ?? Id : Id;

    public ThreadList Folder(string folder)
    {
        if (!Folders.TryGetValue(folder, out var list))
        {
            list = new ThreadList([]);
            Folders[folder] = list;
        }

        return list;
    }
}
