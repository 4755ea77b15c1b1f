using System.Diagnostics;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// The fault harness in every test run, short: three gateway processes on a PostgreSQL of its own, load that retries
/// under the same ids and the fuzzer against every gateway, while five gateways are killed with SIGKILL and
/// PostgreSQL is restarted twice; then the verifier. The long run is faults/chaos.sh (docs/faults.md).
/// </summary>
public sealed class a_short_fault_run_loses_and_doubles_nothing
{
    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task while_gateways_are_killed_and_postgres_restarts()
    {
        var ct = TestContext.Current.CancellationToken;
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "faults/chaos.sh", "40", "900" }) start.ArgumentList.Add(argument);
        // What the test run built: no Release build inside a test.
        start.Environment["CHAOS_CONFIGURATION"] = "Debug";
        start.Environment["CHAOS_NO_BUILD"] = "1";
        start.Environment["CHAOS_KILLS"] = "5";
        start.Environment["CHAOS_RESULTS"] = Path.Combine(Path.GetTempPath(), "epoomasi-chaos-smoke");
        using var process = Process.Start(start)!;
        // A test that times out stops the script so that its trap stops the gateways and PostgreSQL.
        await using var stop = ct.Register(() => Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.Dispose());
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var text = await output + await errors;

        TestContext.Current.TestOutputHelper?.WriteLine(text);
        Assert.True(process.ExitCode == 0, text);
        Assert.Contains("sigkill: 5", text, StringComparison.Ordinal);
        Assert.Contains("postgres-restart: 2", text, StringComparison.Ordinal);
        Assert.Matches(@"위반 / violations:\s+0\r?\n", text);
        Assert.Matches(@"batches sent again: [1-9]", text);
        Assert.Matches(@"deals Settled: [1-9]", text);
        Assert.Matches(@"raced holds checked: [1-9]", text);
        Assert.Matches(@"모름→확인 / unknown, then resolved:\s+[1-9]", text);
    }
}
