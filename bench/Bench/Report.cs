using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EPoomasi.Bench;

/// <summary>The results as a Markdown table and as JSON.</summary>
internal static class Report
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Markdown(IReadOnlyList<ScenarioResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | concurrency | transfers (or reads)/s | p50 ms | p95 ms | p99 ms | max ms | requests | rejected | errors |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Concurrency} | {r.TransfersPerSecond:0} | {r.P50Milliseconds:0.0} | {r.P95Milliseconds:0.0} | {r.P99Milliseconds:0.0} | {r.MaxMilliseconds:0.0} | {r.Requests} | {r.TransfersRejected} | {r.Errors} |"));
        }

        return text.ToString();
    }

    public static async Task WriteAsync(string directory, IReadOnlyList<ScenarioResult> results, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "bench.md"), Markdown(results), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "bench.json"), JsonSerializer.Serialize(results, Json), cancellationToken);
    }
}
