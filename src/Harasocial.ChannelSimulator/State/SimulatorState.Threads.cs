using System.Globalization;

namespace Harasocial.ChannelSimulator;

public sealed partial class SimulatorState
{
    /// <summary>
    /// A customer writes: appends an inbound message (creating the thread for a new customer), moves the thread to the
    /// top of its folder (the folder is kept) and posts the signed webhook when a target is set — except for Facebook
    /// spam-folder threads: SPEC §2 says webhooks do not bring those in (that is why the app polls the spam folder).
    /// Returns the new message id.
    /// </summary>
    public string AddInboundMessage(string channel, string accountId, string customerId, string text, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        SimAccount account;
        SimThread thread;
        SimMessage message;
        lock (Gate)
        {
            account = RequireAccount(accountId, channel);
            thread = account.ByCustomer.GetValueOrDefault(customerId) ?? NewCustomerThread(account, customerId, at);
            message = Append(account, thread, inbound: true, text, tag: null, at);
            thread.UnreadCount++;
        }

        if (thread.Folder != "spam")
        {
            Webhooks.Inbound(account, thread, message);
        }

        return message.Id;
    }

    /// <summary>
    /// The seller replies in the platform's own inbox (Meta Business Suite, Zalo OA Manager, Shopee Seller Centre), not
    /// through the app: the outbound message is stored as the thread's newest and its echo webhook is posted (Meta:
    /// <c>is_echo</c> without our <c>app_id</c>). The thread keeps its folder, so spam-folder checks may still list an
    /// answered thread: the app must not put it back into Spam. Returns the new message id.
    /// </summary>
    public string AddSellerReply(string channel, string accountId, string customerId, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        SimAccount account;
        SimThread thread;
        SimMessage message;
        lock (Gate)
        {
            account = RequireAccount(accountId, channel);
            thread = account.ByCustomer.GetValueOrDefault(customerId) ?? throw new KeyNotFoundException($"No thread for customer '{customerId}'.");
            message = Append(account, thread, inbound: false, text, tag: null, at: null) with { FromPlatform = true };
            thread.Added[^1] = message;
            thread.UnreadCount = 0;
        }

        Webhooks.Echo(account, thread, message);
        return message.Id;
    }

    /// <summary>Stores an outbound message (what a send endpoint accepted) as the thread's newest.</summary>
    internal SimMessage AddOutbound(SimAccount account, SimThread thread, string text, string? tag)
    {
        lock (Gate)
        {
            var message = Append(account, thread, inbound: false, text, tag, at: null);
            thread.UnreadCount = 0;
            return message;
        }
    }

    public void MoveThread(string channel, string accountId, string customerId, string folder)
    {
        lock (Gate)
        {
            var account = RequireAccount(accountId, channel);
            var thread = account.ByCustomer.GetValueOrDefault(customerId)
                ?? throw new KeyNotFoundException($"No thread for customer '{customerId}'.");
            account.Folder(thread.Folder).Remove(thread);
            thread.Folder = folder is "inbox" or "spam" ? folder : throw new ArgumentException("Folder is inbox or spam.", nameof(folder));
            account.Folder(folder).Add(thread);
            account.Changes++;
        }
    }

    /// <summary>Sets a Zalo user's follow state and posts the follow/unfollow webhook.</summary>
    public void SetFollower(string zaloOaId, string userId, bool follower)
    {
        SimAccount account;
        lock (Gate)
        {
            account = RequireAccount(zaloOaId, Channels.Zalo);
            if (account.ByCustomer.TryGetValue(userId, out var thread))
            {
                thread.IsFollower = follower;
            }
            else
            {
                account.OtherFollowers[userId] = follower;
            }
        }

        Webhooks.Follow(account, userId, follower);
    }

    public ThreadSnapshot? GetThread(string channel, string accountId, string customerId)
    {
        lock (Gate)
        {
            var account = RequireAccount(accountId, channel);
            if (!account.ByCustomer.TryGetValue(customerId, out var t))
            {
                return null;
            }

            return new ThreadSnapshot(account.Channel, account.Id, t.CustomerId, t.CustomerName, t.ThreadId, t.Folder, t.LastActivity,
                t.MessageCount, t.IsFollower, [.. MessageFactory.NewestFirst(account.Channel, t, 0, t.MessageCount)]);
        }
    }

    /// <summary>Number of threads of the account, in one folder or (null) all.</summary>
    public int ThreadCount(string channel, string accountId, string? folder = null)
    {
        lock (Gate)
        {
            var account = RequireAccount(accountId, channel);
            return folder is null ? account.ByCustomer.Count : account.Folder(folder).Count;
        }
    }

    /// <summary>Customer ids of a folder, newest activity first (for tests and the demo script).</summary>
    public IReadOnlyList<string> CustomerIds(string channel, string accountId, string folder = "inbox")
    {
        lock (Gate)
        {
            var list = RequireAccount(accountId, channel).Folder(folder);
            return [.. Enumerable.Range(0, list.Count).Select(i => list[i].CustomerId)];
        }
    }

    private SimMessage Append(SimAccount account, SimThread thread, bool inbound, string text, string? tag, DateTimeOffset? at)
    {
        var when = at ?? TimeProvider.GetUtcNow();
        var message = new SimMessage(thread.MessageCount, MessageFactory.MessageId(account.Channel, thread.Hash, thread.MessageCount),
            inbound, when, text, null) { Tag = tag };
        var list = account.Folder(thread.Folder);
        list.Remove(thread);
        thread.Added.Add(message);
        if (when > thread.LastActivity)
        {
            thread.LastActivity = when;
        }

        list.Add(thread);
        account.Changes++;
        return message;
    }

    private SimThread NewCustomerThread(SimAccount account, string customerId, DateTimeOffset? at)
    {
        var h = Det.Hash(account.Hash, Det.Of(customerId), 77);
        var when = at ?? TimeProvider.GetUtcNow();
        var thread = new SimThread
        {
            Hash = h,
            CustomerId = customerId,
            CustomerName = account.Channel == Channels.Instagram ? Phrases.Username(h) : Phrases.PersonName(h),
            ThreadId = account.Channel switch
            {
                Channels.Zalo => customerId,
                Channels.Shopee => MessageFactory.BigId(Det.Hash(h, 2)),
                _ => "t_" + Det.Digits(Det.Hash(h, 2), 17).ToString(CultureInfo.InvariantCulture),
            },
            Folder = "inbox",
            LastActivity = when,
            GeneratedNewest = when,
            GeneratedCount = 0,
            StepTicks = 0,
            IsFollower = account.OtherFollowers.GetValueOrDefault(customerId, true),
        };
        account.ByCustomer[customerId] = thread;
        account.ByThreadId[thread.ThreadId] = thread;
        account.Folder("inbox").Add(thread);
        account.Changes++;
        return thread;
    }
}
