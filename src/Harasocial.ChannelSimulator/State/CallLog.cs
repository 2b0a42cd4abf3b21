namespace Harasocial.ChannelSimulator;

/// <summary>Records every platform call's start time per (account, endpoint) and throttled answers.</summary>
internal sealed class CallLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Account, string Endpoint), List<DateTimeOffset>> _starts = [];
    private readonly Dictionary<(string Account, string Endpoint), int> _throttled = [];

    public void Record(string account, string endpoint, DateTimeOffset startedAt, bool throttled)
    {
        lock (_gate)
        {
            var key = (account, endpoint);
            if (!_starts.TryGetValue(key, out var list))
            {
                _starts[key] = list = [];
            }

            list.Add(startedAt);
            if (throttled)
            {
                _throttled[key] = _throttled.GetValueOrDefault(key) + 1;
            }
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _starts.Clear();
            _throttled.Clear();
        }
    }

    public CallCountSnapshot Snapshot()
    {
        lock (_gate)
        {
            var byEndpoint = new Dictionary<string, int>(StringComparer.Ordinal);
            var byAccount = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
            foreach (var ((account, endpoint), starts) in _starts)
            {
                byEndpoint[endpoint] = byEndpoint.GetValueOrDefault(endpoint) + starts.Count;
                if (!byAccount.TryGetValue(account, out var counts))
                {
                    byAccount[account] = counts = new(StringComparer.Ordinal);
                }

                counts[endpoint] = counts.GetValueOrDefault(endpoint) + starts.Count;
            }

            var throttled = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var ((_, endpoint), count) in _throttled)
            {
                throttled[endpoint] = throttled.GetValueOrDefault(endpoint) + count;
            }

            return new CallCountSnapshot(
                byEndpoint,
                byAccount.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, int>)p.Value, StringComparer.Ordinal),
                throttled);
        }
    }

    public int Throttled(string? account, string? endpoint)
    {
        lock (_gate)
        {
            return _throttled.Where(p => (account is null || p.Key.Account == account) && (endpoint is null || p.Key.Endpoint == endpoint))
                .Sum(p => p.Value);
        }
    }

    /// <summary>The most calls that started inside any 1-second window (two-pointer sweep over sorted starts).</summary>
    public int MaxPerSecond(string account, string endpoint)
    {
        DateTimeOffset[] starts;
        lock (_gate)
        {
            starts = _starts.TryGetValue((account, endpoint), out var list) ? [.. list] : [];
        }

        Array.Sort(starts);
        var best = 0;
        for (int lo = 0, hi = 0; hi < starts.Length; hi++)
        {
            while (starts[hi] - starts[lo] >= TimeSpan.FromSeconds(1))
            {
                lo++;
            }

            best = Math.Max(best, hi - lo + 1);
        }

        return best;
    }
}
