namespace Harasocial.Benchmarks;

/// <summary>Benchmark 1's size: the full size, or <c>--quick</c> for a smaller run.</summary>
internal sealed record BenchSize(string Label, int Accounts, int Conversations, int Messages)
{
    public static BenchSize Full { get; } = new("full", 20, 200, 50);

    public static BenchSize Quick { get; } = new("quick", 4, 50, 50);
}
