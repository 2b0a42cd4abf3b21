namespace Harasocial.ChannelSimulator;

/// <summary>Platform calls received so far, by endpoint name (e.g. <c>graph.conversations</c>) and by account.</summary>
public sealed record CallCountSnapshot(
    IReadOnlyDictionary<string, int> ByEndpoint,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ByAccount,
    IReadOnlyDictionary<string, int> ThrottledByEndpoint)
{
    public int Total => ByEndpoint.Values.Sum();

    public int this[string endpoint] => ByEndpoint.GetValueOrDefault(endpoint);

    public int For(string accountId, string endpoint) =>
        ByAccount.TryGetValue(accountId, out var counts) ? counts.GetValueOrDefault(endpoint) : 0;
}
