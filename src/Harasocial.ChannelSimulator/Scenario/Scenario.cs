using System.Text.Json;

namespace Harasocial.ChannelSimulator;

/// <summary>What the simulator serves: accounts and generated history, deterministic from <see cref="Seed"/>.</summary>
public sealed record Scenario
{
    private static readonly Lazy<Scenario> DefaultScenario = new(() => Parse(DefaultScenarioJson.Text));

    public long Seed { get; set; } = 42;
    public ScenarioSecrets Secrets { get; set; } = new();
    public ScenarioRateLimits RateLimits { get; set; } = new();
    public IReadOnlyList<AccountSpec> Accounts { get; set; } = [];

    /// <summary>The realistic demo scenario (see README.md).</summary>
    public static Scenario Default => DefaultScenario.Value;

    public static Scenario Parse(string json) =>
        JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.Scenario)
            ?? throw new JsonException("The scenario JSON is null.");

    public string ToJson() => JsonSerializer.Serialize(this, ScenarioJsonContext.Default.Scenario);
}
