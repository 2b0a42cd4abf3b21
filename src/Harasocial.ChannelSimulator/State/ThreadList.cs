namespace Harasocial.ChannelSimulator;

/// <summary>Threads of one folder kept sorted by last activity (newest first, then thread id) for O(log n) paging.</summary>
internal sealed class ThreadList
{
    private static readonly Comparer<SimThread> Order = Comparer<SimThread>.Create(Compare);
    private readonly List<SimThread> _items;

    public ThreadList(List<SimThread> items)
    {
        items.Sort(Order);
        _items = items;
    }

    public int Count => _items.Count;

    public SimThread this[int index] => _items[index];

    public static int Compare(SimThread? x, SimThread? y) =>
        x is null || y is null ? 0 : CompareKey(x.LastActivity.UtcTicks, x.ThreadId, y.LastActivity.UtcTicks, y.ThreadId);

    public static int CompareKey(long xTicks, string xId, long yTicks, string yId)
    {
        var byTime = yTicks.CompareTo(xTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(xId, yId);
    }

    public void Add(SimThread thread)
    {
        var index = _items.BinarySearch(thread, Order);
        _items.Insert(index < 0 ? ~index : index, thread);
    }

    public bool Remove(SimThread thread)
    {
        var index = _items.BinarySearch(thread, Order);
        if (index < 0)
        {
            return false;
        }

        _items.RemoveAt(index);
        return true;
    }

    /// <summary>Index of the first thread that sorts strictly after the key (ticks, id).</summary>
    public int IndexAfter(long ticks, string threadId)
    {
        int lo = 0, hi = _items.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var item = _items[mid];
            if (CompareKey(item.LastActivity.UtcTicks, item.ThreadId, ticks, threadId) <= 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Index of the first thread whose last activity is at or before <paramref name="ticks"/>.</summary>
    public int IndexAtOrBefore(long ticks)
    {
        int lo = 0, hi = _items.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_items[mid].LastActivity.UtcTicks > ticks)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
