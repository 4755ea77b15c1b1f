using Spectre.Console;

namespace EPoomasi.Cli.Exports;

/// <summary>
/// A progress line for long work (exports, imports), drawn by Spectre.Console on the terminal's error stream so that
/// the output stays clean to pipe. Where the error stream is not a terminal (a script, a test), nothing is drawn.
/// </summary>
internal static class Progress
{
    /// <summary>Runs <paramref name="work"/>, which reports how many rows it has done so far (of <paramref name="total"/>, when known).</summary>
    public static async Task<T> RunAsync<T>(string title, long? total, Func<Action<long>, Task<T>> work)
    {
        if (Console.IsErrorRedirected) return await work(_ => { });
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress().AutoClear(false).StartAsync(async context =>
        {
            var task = context.AddTask(title, maxValue: total is > 0 ? total.Value : 1);
            task.IsIndeterminate = total is not > 0;
            var result = await work(done =>
            {
                if (total is > 0) task.Value = done;
                task.Description = $"{title}: {done:N0}";
            });
            task.Value = task.MaxValue;
            task.StopTask();
            return result;
        });
    }
}
