using System.Globalization;

namespace EPoomasi.LocalPostgres;

/// <summary>
/// Throwaway clusters' folders in the temporary directory, each with an owner file beside it naming the
/// process that made it. A test run that is killed cannot stop its server; the next run finds the owner
/// gone and stops and removes what it left, so abandoned servers do not pile up.
/// </summary>
internal static class TemporaryClusters
{
    private const string Prefix = "epoomasi-pg-";
    private const string OwnerSuffix = ".owner";

    /// <summary>A new folder path for a throwaway cluster, claimed for this process.</summary>
    public static string Claim()
    {
        var directory = Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N")[..12]);
        File.WriteAllText(directory + OwnerSuffix, ThisProcess());
        return directory;
    }

    /// <summary>Removes a throwaway cluster's folder and its owner file.</summary>
    public static void Release(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        File.Delete(directory + OwnerSuffix);
    }

    /// <summary>Stops (with <paramref name="stop"/>) and removes every throwaway cluster whose owner process is gone.</summary>
    public static async Task SweepAbandonedAsync(Func<string, Task> stop, CancellationToken cancellationToken)
    {
        foreach (var owner in Directory.EnumerateFiles(Path.GetTempPath(), Prefix + "*" + OwnerSuffix))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsAlive(ReadOwner(owner)))
            {
                continue;
            }

            var directory = owner[..^OwnerSuffix.Length];
            if (File.Exists(Path.Combine(directory, "postmaster.pid")))
            {
                await stop(directory);
            }

            try
            {
                Release(directory);
            }
            catch (IOException)
            {
                // Another run is sweeping the same folder at the same moment: it will finish the job.
            }
        }
    }

    private static string ThisProcess() => $"{Environment.ProcessId} {StartMarker(Environment.ProcessId)}";

    // The kernel's start time of the process, in clock ticks since boot (field 22 of /proc/PID/stat): the
    // same number whoever reads it, unlike Process.StartTime, which is derived from the clock each time.
    private static string StartMarker(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[19];
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static string ReadOwner(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
    }

    // The same process id with the same start time: a reused id belongs to another process.
    private static bool IsAlive(string owner)
    {
        var parts = owner.Split(' ');
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid) || parts[1].Length == 0)
        {
            // Being written right now, or not ours to judge.
            return true;
        }

        return StartMarker(pid) == parts[1];
    }
}
