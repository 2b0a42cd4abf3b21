using System.Globalization;
using System.Text;

namespace Harasocial.Benchmarks;

/// <summary>One row of the table. <see cref="Ratio"/> is measured ÷ baseline (both from this run); null when pending.</summary>
internal sealed record BenchResult(
    string Name,
    string Measured,
    string Baseline,
    double? Ratio,
    string Target,
    bool? Met,
    string Notes)
{
    public static BenchResult Pending(string name, string why) => new(name, "-", "-", null, "-", null, why);

    public static BenchResult Failed(string name, string target, Exception error) =>
        new(name, "error", "-", null, target, false, error.GetType().Name + ": " + error.Message.Split('\n')[0]);

    public static string Table(IReadOnlyList<BenchResult> results)
    {
        var rows = new List<string[]> { new[] { "Benchmark", "Measured", "Baseline", "Ratio", "Target", "Met" } };
        rows.AddRange(results.Select(r => new[]
        {
            r.Name, r.Measured, r.Baseline,
            r.Ratio is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "-",
            r.Target, r.Met switch { true => "yes", false => "NO", null when r.Measured != "-" => "-", null => "pending" },
        }));
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            text.Append("| ").AppendJoin(" | ", rows[i].Select((cell, c) => cell.PadRight(widths[c]))).AppendLine(" |");
            if (i == 0)
            {
                text.Append("|-").AppendJoin("-|-", widths.Select(w => new string('-', w))).AppendLine("-|");
            }
        }

        text.AppendLine();
        foreach (var r in results)
        {
            text.Append("- ").Append(r.Name).Append(": ").AppendLine(r.Notes);
        }

        return text.ToString();
    }
}

internal static class Format
{
    public static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
}
