using System.Globalization;

namespace Harasocial.ChannelSimulator;

/// <summary>Builds an account's threads and posts from its spec. Only per-thread metadata is materialised.</summary>
internal static class AccountGenerator
{
    private static readonly TimeSpan MinStep = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan MaxStep = TimeSpan.FromHours(3);

    public static SimAccount Build(long seed, AccountSpec spec, DateTimeOffset now)
    {
        var hash = Det.Hash((ulong)seed, Det.Of(spec.Id));
        var channel = Channels.Normalize(spec.Channel);
        var ttl = TimeSpan.FromSeconds(spec.AccessTokenTtlSeconds ?? (channel == Channels.Zalo ? 90000 : 14400));
        var tokens = new TokenState
        {
            AccessToken = spec.AccessToken,
            RefreshToken = spec.RefreshToken,
            Ttl = ttl,
            AccessExpiresAt = Channels.IsGraph(channel) ? null : now + ttl,
        };
        var account = new SimAccount(spec, hash, tokens);
        var ordinal = 0;
        var inbox = new List<SimThread>();
        var spam = new List<SimThread>();
        foreach (var batch in spec.Threads)
        {
            AddBatch(account, batch, "inbox", now, inbox, ref ordinal);
        }

        foreach (var batch in spec.Spam)
        {
            AddBatch(account, batch, "spam", now, spam, ref ordinal);
        }

        account.Folders["inbox"] = new ThreadList(inbox);
        if (spam.Count > 0)
        {
            account.Folders["spam"] = new ThreadList(spam);
        }

        PostGenerator.AddPosts(account, now);
        return account;
    }

    private static void AddBatch(SimAccount account, ThreadSpec batch, string folder, DateTimeOffset now, List<SimThread> into, ref int ordinal)
    {
        var count = Math.Max(0, batch.Count.PickInt(Det.Hash(account.Hash, (ulong)ordinal, 99)));
        for (var i = 0; i < count; i++, ordinal++)
        {
            var thread = NewThread(account, batch, folder, now, ordinal);
            if (!account.ByCustomer.TryAdd(thread.CustomerId, thread) || !account.ByThreadId.TryAdd(thread.ThreadId, thread))
            {
                account.ByCustomer.Remove(thread.CustomerId);
                continue; // a 64-bit hash collision; skip rather than serve duplicate ids
            }

            into.Add(thread);
        }
    }

    private static SimThread NewThread(SimAccount account, ThreadSpec batch, string folder, DateTimeOffset now, int ordinal)
    {
        var h = Det.Hash(account.Hash, (ulong)ordinal);
        var age = batch.AgeMinutes is { } minutes
            ? TimeSpan.FromMinutes(minutes.Pick(Det.Hash(h, 3)))
            : TimeSpan.FromDays((batch.AgeDays ?? new ValueRange(0, 30)).Pick(Det.Hash(h, 3)));
        var customerId = CustomerId(account.Channel, Det.Hash(h, 1));
        var last = now - age;
        return new SimThread
        {
            Hash = h,
            CustomerId = customerId,
            CustomerName = account.Channel == Channels.Instagram ? Phrases.Username(Det.Hash(h, 5)) : Phrases.PersonName(Det.Hash(h, 5)),
            ThreadId = account.Channel switch
            {
                Channels.Zalo => customerId,
                Channels.Shopee => MessageFactory.BigId(Det.Hash(h, 2)),
                _ => "t_" + Det.Digits(Det.Hash(h, 2), 17).ToString(CultureInfo.InvariantCulture),
            },
            Folder = folder,
            GeneratedAsSpam = folder == "spam",
            LastActivity = last,
            GeneratedNewest = last,
            GeneratedCount = Math.Max(1, batch.Messages.PickInt(Det.Hash(h, 4))),
            StepTicks = MinStep.Ticks + (long)((MaxStep - MinStep).Ticks * Det.Unit(Det.Hash(h, 6))),
            IsFollower = Det.Unit(Det.Hash(h, 7)) >= account.Spec.UnfollowerShare,
            UnreadCount = (int)(Det.Hash(h, 8) % 3),
        };
    }

    private static string CustomerId(string channel, ulong hash) => channel switch
    {
        Channels.Facebook => Det.Digits(hash, 16).ToString(CultureInfo.InvariantCulture),
        Channels.Instagram => Det.Digits(hash, 17).ToString(CultureInfo.InvariantCulture),
        Channels.Zalo => MessageFactory.BigId(hash),
        _ => (100_000_000_000_000_000UL + (hash % 800_000_000_000_000_000UL)).ToString(CultureInfo.InvariantCulture),
    };
}
