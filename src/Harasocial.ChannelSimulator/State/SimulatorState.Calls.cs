namespace Harasocial.ChannelSimulator;

public sealed partial class SimulatorState
{
    public CallCountSnapshot CallCounts => Calls.Snapshot();

    public void ResetCallCounts() => Calls.Reset();

    /// <summary>The most calls to <paramref name="endpoint"/> for the account that started inside any 1-second window.</summary>
    public int MaxCallsPerSecond(string accountId, string endpoint) => Calls.MaxPerSecond(accountId, endpoint);

    /// <summary>Throttle answers given so far (limiter and injected faults), all accounts and endpoints.</summary>
    public int ThrottledCount => Calls.Throttled(null, null);

    public int ThrottledCountFor(string accountId, string? endpoint = null) => Calls.Throttled(accountId, endpoint);
}
