using System.Globalization;

namespace EPoomasi.Bench;

/// <summary>What to run: <c>--gateway URL --scenario spread|batch|hot|cross|balance-short|balance-long|all --concurrency N --seconds N --warmup-seconds N --accounts N --batch-size N --out DIR</c>.</summary>
internal sealed record BenchOptions
{
    public string Gateway { get; init; } = "http://127.0.0.1:5080";

    public IReadOnlyList<string> Scenarios { get; init; } = Bench.Scenarios.Names;

    /// <summary>Concurrent requests in flight; per scenario when given as <c>spread=64,batch=4</c>.</summary>
    public IReadOnlyDictionary<string, int> Concurrency { get; init; } = new Dictionary<string, int> { ["spread"] = 64, ["batch"] = 4, ["hot"] = 64, ["cross"] = 64, ["balance-short"] = 16, ["balance-long"] = 16,
        ["search-ko1"] = 8, ["search-ko2"] = 8, ["search-en"] = 8 };

    public int Seconds { get; init; } = 20;

    public int WarmupSeconds { get; init; } = 3;

    public int Accounts { get; init; } = 10_000;

    /// <summary>Listings stored before the search scenarios run (only when one of them is chosen).</summary>
    public int Listings { get; init; } = 100_000;

    public int BatchSize { get; init; } = 1_000;

    /// <summary>Hold the load at this many requests per second (all workers together); 0 for as fast as possible.</summary>
    public int RatePerSecond { get; init; }

    /// <summary>Stop once this many transfers succeeded (0: run for the full duration); for loading history.</summary>
    public long UntilTransfers { get; init; }

    public string OutDirectory { get; init; } = "bench/results";

    public const string Usage =
        "usage: epoomasi-bench [--gateway URL] [--scenario spread,batch,hot,cross,balance-short,balance-long|all|search-ko1,search-ko2,search-en|search]\n" +
        "                      [--concurrency N | name=N,...] [--seconds N] [--warmup-seconds N] [--accounts N]\n" +
        "                      [--batch-size N] [--rate REQUESTS_PER_S] [--until-transfers N] [--listings N] [--out DIR]";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        if (args.Length % 2 == 1)
        {
            throw new ArgumentException($"Options come in pairs (--name value); {args[^1]} has no value.\n{Usage}");
        }

        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--gateway" => options with { Gateway = value },
                "--scenario" => options with { Scenarios = value switch { "all" => Bench.Scenarios.Names, "search" => Bench.Scenarios.SearchNames, _ => value.Split(',') } },
                "--listings" => options with { Listings = Int(value) },
                "--concurrency" => options with { Concurrency = ParseConcurrency(value, options.Concurrency) },
                "--seconds" => options with { Seconds = Int(value) },
                "--warmup-seconds" => options with { WarmupSeconds = Int(value) },
                "--accounts" => options with { Accounts = Int(value) },
                "--batch-size" => options with { BatchSize = Int(value) },
                "--rate" => options with { RatePerSecond = Int(value) },
                "--until-transfers" => options with { UntilTransfers = long.Parse(value, CultureInfo.InvariantCulture) },
                "--out" => options with { OutDirectory = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }

        var unknown = options.Scenarios.Except(Bench.Scenarios.Names).Except(Bench.Scenarios.SearchNames).ToList();
        return unknown.Count == 0 ? options : throw new ArgumentException(
            $"Unknown scenario {string.Join(", ", unknown)}; use {string.Join(", ", Bench.Scenarios.Names.Concat(Bench.Scenarios.SearchNames))}, all or search.");
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static Dictionary<string, int> ParseConcurrency(string value, IReadOnlyDictionary<string, int> defaults)
    {
        if (!value.Contains('=', StringComparison.Ordinal))
        {
            return Bench.Scenarios.Names.ToDictionary(n => n, _ => Int(value));
        }

        var result = new Dictionary<string, int>(defaults);
        foreach (var pair in value.Split(','))
        {
            var parts = pair.Split('=');
            result[parts[0]] = Int(parts[1]);
        }

        return result;
    }
}
