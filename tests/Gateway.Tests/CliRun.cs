using EPoomasi.Cli;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// Runs the CLI in this process as a person would type it, against a gateway, and captures what it prints.
/// Classes that use it belong to the <see cref="ConsoleOutput"/> collection: the console is one per process.
/// </summary>
public static class CliRun
{
    public static Task<(int ExitCode, string Output)> RunAsync(string gateway, string? token, params string[] args) =>
        RawAsync([.. token is null ? ["--gateway", gateway] : new[] { "--gateway", gateway, "--token", token }, .. args]);

    /// <summary>Exactly <paramref name="args"/>, as typed.</summary>
    public static async Task<(int ExitCode, string Output)> RawAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = Console.Out;
        // Other test classes may write to the console meanwhile (a gateway's start-up banner).
        Console.SetOut(TextWriter.Synchronized(output));
        try
        {
            var exit = await CliApp.RunAsync(args, TestContext.Current.CancellationToken);
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(console);
        }
    }
}
