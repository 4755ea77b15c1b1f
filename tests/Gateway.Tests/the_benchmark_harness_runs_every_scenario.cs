using EPoomasi.Bench;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// A smoke run of the load generator against a real gateway: every scenario moves minutes, the
/// report is written as Markdown and JSON. It checks the harness, not the figures (see bench/compare.sh).
/// </summary>
public sealed class the_benchmark_harness_runs_every_scenario(GatewayFixture gateway)
{
    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task each_scenario_moves_minutes_without_errors_and_the_report_is_written()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new BenchOptions
        {
            Seconds = 1, WarmupSeconds = 0, Accounts = 20, BatchSize = 50,
            Concurrency = Scenarios.Names.Concat(Scenarios.SearchNames).ToDictionary(n => n, _ => 2),
            OutDirectory = Path.Combine(Path.GetTempPath(), "epoomasi-bench-" + Guid.NewGuid().ToString("N")[..8]),
        };
        var world = await BenchWorld.CreateAsync(gateway.Channel, options.Accounts, ct);

        await world.ListAsync(200, ct);

        var results = new List<ScenarioResult>();
        foreach (var scenario in Scenarios.Names.Concat(Scenarios.SearchNames))
        {
            results.Add(await LoadRunner.RunAsync(scenario, world, options, TextWriter.Null, ct));
        }

        await Report.WriteAsync(options.OutDirectory, results, ct);
        try
        {
            Assert.All(results, r =>
            {
                Assert.True(r.TransfersOk > 0, $"{r.Scenario} moved nothing.");
                Assert.Equal((0L, 0L), (r.Errors, r.TransfersRejected));
                Assert.InRange(r.P50Milliseconds, 0.01, r.MaxMilliseconds);
            });
            Assert.Equal(50 * results.Single(r => r.Scenario == "batch").Requests, results.Single(r => r.Scenario == "batch").TransfersOk);
            Assert.Contains("| spread |", await File.ReadAllTextAsync(Path.Combine(options.OutDirectory, "bench.md"), ct));
            Assert.Contains("\"transfersPerSecond\"", await File.ReadAllTextAsync(Path.Combine(options.OutDirectory, "bench.json"), ct));
        }
        finally
        {
            Directory.Delete(options.OutDirectory, recursive: true);
        }
    }
}
