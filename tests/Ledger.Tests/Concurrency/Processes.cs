using EPoomasi.Ledger.Tests.Harness;
using Npgsql;

namespace EPoomasi.Ledger.Tests.Concurrency;

/// <summary>Several ledger stores on one database, each standing for a separate gateway process.</summary>
public sealed class Processes : IAsyncDisposable
{
    private Processes(TestLedger first, IReadOnlyList<TestLedger> all)
    {
        First = first;
        All = all;
    }

    public TestLedger First { get; }

    public IReadOnlyList<TestLedger> All { get; }

    public static async Task<Processes> StartAsync(PostgresFixture postgres, int count)
    {
        var first = await TestLedger.CreateAsync(postgres);
        return new Processes(first, [first, .. Enumerable.Range(1, count - 1).Select(_ => first.SecondProcess())]);
    }

    /// <summary>Runs <paramref name="work"/> for each index on all processes in turn, all at once.</summary>
    public Task<T[]> RaceAsync<T>(int count, Func<TestLedger, int, Task<T>> work) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => work(All[i % All.Count], i))));

    /// <summary>Deadlocks PostgreSQL has detected in this ledger's database so far.</summary>
    public async Task<long> DeadlocksAsync()
    {
        await using var connection = new NpgsqlConnection(First.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select deadlocks from pg_stat_database where datname = current_database()", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in All)
        {
            await process.DisposeAsync();
        }
    }
}
