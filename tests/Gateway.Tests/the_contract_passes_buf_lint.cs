using System.Diagnostics;

namespace EPoomasi.Gateway.Tests;

/// <summary>The contract in proto/ is buf STANDARD lint clean, with the buf version pinned in eng/buf.</summary>
public sealed class the_contract_passes_buf_lint
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task buf_lint_standard_finds_nothing()
    {
        var root = Repository.Root;
        var buf = Path.Combine(root, "eng", "buf", "node_modules", ".bin", "buf");
        if (!File.Exists(buf))
        {
            var (installed, installOutput) = await RunAsync("npm", ["ci", "--prefix", Path.Combine(root, "eng", "buf"), "--no-audit", "--no-fund"], root);
            Assert.True(installed == 0, $"npm ci for buf failed:\n{installOutput}");
        }

        var (exitCode, output) = await RunAsync(buf, ["lint"], Path.Combine(root, "proto"));

        Assert.True(exitCode == 0, $"buf lint found problems:\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }
}
