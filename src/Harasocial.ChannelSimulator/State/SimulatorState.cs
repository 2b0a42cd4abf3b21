using Harasocial.ChannelSimulator.Webhooks;

namespace Harasocial.ChannelSimulator;

/// <summary>
/// Everything the simulator serves and has seen, thread-safe. The HTTP control API under <c>/_sim</c> is a thin layer
/// over this class. All account data is guarded by one lock; calls are short, so contention stays low.
/// </summary>
public sealed partial class SimulatorState
{
    private readonly Dictionary<string, SimAccount> _accounts = new(StringComparer.Ordinal);
    private readonly List<SentMessage> _sent = [];
    private FaultSettings _faults = new();

    internal SimulatorState(Scenario scenario, TimeProvider timeProvider, Uri? webhookTarget, HttpClient webhookClient)
    {
        TimeProvider = timeProvider;
        WebhookTarget = webhookTarget;
        Webhooks = new WebhookDispatcher(webhookClient, this);
        Scenario = scenario;
        LoadScenario(scenario);
    }

    internal Lock Gate { get; } = new();
    internal CallLog Calls { get; } = new();
    internal WebhookDispatcher Webhooks { get; }
    internal FaultInjector Injector { get; private set; } = new(42);

    public TimeProvider TimeProvider { get; }
    public Scenario Scenario { get; private set; }

    /// <summary>App base URL; webhooks POST to <c>{WebhookTarget}api/webhooks/{channel}</c>. Null = no webhooks.</summary>
    public Uri? WebhookTarget { get; set; }

    public FaultSettings Faults
    {
        get => Volatile.Read(ref _faults);
        set => Volatile.Write(ref _faults, value ?? throw new ArgumentNullException(nameof(value)));
    }

    public ScenarioSecrets Secrets => Scenario.Secrets;

    /// <summary>Replaces every account with freshly generated ones ("now" = the TimeProvider's current time).</summary>
    public void LoadScenario(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var now = TimeProvider.GetUtcNow();
        var built = scenario.Accounts.Select(a => AccountGenerator.Build(scenario.Seed, a, now)).ToList();
        lock (Gate)
        {
            Scenario = scenario;
            Injector = new FaultInjector(scenario.Seed);
            _accounts.Clear();
            foreach (var account in built)
            {
                _accounts[account.Id] = account;
            }

            _sent.Clear();
        }

        Calls.Reset();
    }

    /// <summary>Summary of every account (id, channel, name, thread counts).</summary>
    public IReadOnlyList<AccountSummary> Accounts
    {
        get
        {
            lock (Gate)
            {
                return [.. _accounts.Values.Select(a => new AccountSummary(
                    a.Channel, a.Id, a.Name, a.Spec.LinkedPageId, a.Tokens.AccessToken,
                    a.Folders.ToDictionary(f => f.Key, f => f.Value.Count, StringComparer.Ordinal),
                    a.Posts.Count))];
            }
        }
    }

    public IReadOnlyList<SentMessage> SentMessages
    {
        get
        {
            lock (Gate)
            {
                return [.. _sent];
            }
        }
    }

    internal void RecordSent(SentMessage sent)
    {
        lock (Gate)
        {
            _sent.Add(sent);
        }
    }

    internal SimAccount? FindAccount(string accountId) =>
        _accounts.GetValueOrDefault(accountId);

    internal IEnumerable<SimAccount> AllAccounts => _accounts.Values;

    internal SimAccount RequireAccount(string accountId, string? channel = null)
    {
        if (!_accounts.TryGetValue(accountId, out var account)
            || (channel is not null && account.Channel != Channels.Normalize(channel)))
        {
            throw new KeyNotFoundException($"No {channel ?? "simulated"} account '{accountId}'.");
        }

        return account;
    }
}

/// <summary>One account as listed by <c>GET /_sim/accounts</c>.</summary>
public sealed record AccountSummary(
    string Channel, string Id, string Name, string? LinkedPageId, string AccessToken,
    IReadOnlyDictionary<string, int> Threads, int Posts);
