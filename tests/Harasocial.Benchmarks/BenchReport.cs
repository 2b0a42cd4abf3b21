using System.Text.Json.Serialization;

namespace Harasocial.Benchmarks;

/// <summary>What <c>artifacts/benchmarks/latest.json</c> holds.</summary>
internal sealed record BenchReport(
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string Size,
    int Cores,
    string Machine,
    IReadOnlyList<BenchResult> Results);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BenchReport))]
internal sealed partial class BenchJson : JsonSerializerContext;
