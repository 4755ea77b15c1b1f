using System.Diagnostics;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// The contract in proto/ is buf STANDARD lint clean, and breaks nothing a client of the previous contract
/// relies on (eng/contract/previous.binpb, the contract as of the last entry in CHANGELOG.md), with the buf
/// version pinned in eng/buf.
/// </summary>
public sealed class the_contract_passes_buf_lint
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task buf_lint_standard_finds_nothing()
    {
        var (exitCode, output) = await RunAsync(await BufAsync(), ["lint"], Path.Combine(Repository.Root, "proto"));

        Assert.True(exitCode == 0, $"buf lint found problems:\n{output}");
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task buf_breaking_finds_nothing_against_the_previous_contract()
    {
        var previous = Path.Combine(Repository.Root, "eng", "contract", "previous.binpb");

        var (exitCode, output) = await RunAsync(await BufAsync(), ["breaking", "--against", previous], Path.Combine(Repository.Root, "proto"));

        Assert.True(exitCode == 0, $"buf breaking found changes a client of the previous contract would notice. If they are meant, list them in CHANGELOG.md and rebuild eng/contract/previous.binpb (see its README):\n{output}");
    }

    private static async Task<string> BufAsync()
    {
        var root = Repository.Root;
        var buf = Path.Combine(root, "eng", "buf", "node_modules", ".bin", "buf");
        if (!File.Exists(buf))
        {
            var (installed, installOutput) = await RunAsync("npm", ["ci", "--prefix", Path.Combine(root, "eng", "buf"), "--no-audit", "--no-fund"], root);
            Assert.True(installed == 0, $"npm ci for buf failed:\n{installOutput}");
        }

        return buf;
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
