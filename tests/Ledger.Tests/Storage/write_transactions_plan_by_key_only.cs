using EPoomasi.Ledger.Tests.Harness;
using Npgsql;

namespace EPoomasi.Ledger.Tests.Storage;

public sealed class write_transactions_plan_by_key_only(PostgresFixture postgres)
{
    // The set-based writes join arrays of ids to whole tables; PostgreSQL planned that as a hash join over a
    // sequential scan of the table once the arrays were long, work that grows with the city. Write sessions
    // rule such plans out from the start, while read sessions keep the planner's own choice.
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task write_sessions_rule_out_scans_and_joins_not_by_key_and_read_sessions_do_not()
    {
        await using var ledger = await TestLedger.CreateAsync(postgres);
        var token = TestContext.Current.CancellationToken;

        await using (var writing = await ledger.Store.Connections.OpenForWritingAsync(token))
        {
            Assert.Equal(["off", "off", "off", "force_generic_plan"], await SettingsAsync(writing, token));
        }

        await using var reading = await ledger.Store.Connections.OpenForReadingAsync(token);
        Assert.Equal(["on", "on", "on", "auto"], await SettingsAsync(reading, token));
    }

    private static async Task<string[]> SettingsAsync(NpgsqlConnection connection, CancellationToken token)
    {
        await using var command = new NpgsqlCommand(
            "select current_setting('enable_seqscan'), current_setting('enable_hashjoin'), current_setting('enable_mergejoin'), current_setting('plan_cache_mode')",
            connection);
        await using var reader = await command.ExecuteReaderAsync(token);
        Assert.True(await reader.ReadAsync(token));
        return [reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)];
    }
}
