using Harasocial.ChannelSimulator;

namespace Harasocial.Functions.IntegrationTests.Sync;

/// <summary>What a sync must import, computed from the simulator's own data with SPEC §2's rules.</summary>
internal static class Expected
{
    /// <summary>Facebook: every thread active in 30 days; if fewer than 100, up to 100 older ones.</summary>
    public static List<ThreadSnapshot> Facebook(SimulatorServer sim, string pageId, DateTimeOffset now)
    {
        var threads = Threads(sim, "facebook", pageId);
        var recent = threads.Where(t => t.LastActivity >= now.AddDays(-30)).ToList();
        return recent.Count >= 100 ? recent : [.. recent, .. threads.Skip(recent.Count).Take(100)];
    }

    public static List<ThreadSnapshot> Newest(SimulatorServer sim, string channel, string accountId, int count) =>
        [.. Threads(sim, channel, accountId).Take(count)];

    public static List<ThreadSnapshot> Threads(SimulatorServer sim, string channel, string accountId, string folder = "inbox") =>
        [.. sim.State.CustomerIds(channel, accountId, folder).Select(id => sim.State.GetThread(channel, accountId, id)!)];

    public static Dictionary<string, int> MessageCounts(IEnumerable<ThreadSnapshot> threads, Func<ThreadSnapshot, int> cap) =>
        threads.ToDictionary(t => t.CustomerId, t => Math.Min(t.MessageCount, cap(t)), StringComparer.Ordinal);
}
