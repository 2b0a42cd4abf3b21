namespace Harasocial.Benchmarks;

/// <summary>Benchmark sizes: the full size, or <c>--quick</c> for a smaller run.</summary>
internal sealed record BenchSize(string Label, int Accounts, int Conversations, int Messages, int WebhooksPerLevel)
{
    public static BenchSize Full { get; } = new("full", 20, 200, 50, 1000);

    public static BenchSize Quick { get; } = new("quick", 4, 50, 50, 200);
}
