using EPoomasi.Ledger.Tests.Harness;
using Npgsql;

namespace EPoomasi.Ledger.Tests.Storage;

public sealed class each_connection_pool_plans_as_its_statements_need(PostgresFixture postgres)
{
    // The set-based writes join arrays of ids to whole tables; PostgreSQL planned that as a hash join over a
    // sequential scan of the table once the arrays were long, work that grows with the city. Write sessions
    // rule such plans out from the start, while read sessions keep the planner's own choice. Searches want a
    // plan for the words sought (a syllable in half the listings, a word in a hundred), never one generic plan.
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task writes_plan_by_key_only_finds_plan_for_their_values_and_reads_as_the_planner_likes()
    {
        await using var ledger = await TestLedger.CreateAsync(postgres);
        var token = TestContext.Current.CancellationToken;

        await using (var writing = await ledger.Store.Connections.OpenForWritingAsync(token))
        {
            Assert.Equal(["off", "off", "off", "force_generic_plan"], await SettingsAsync(writing, token));
        }

        await using (var finding = await ledger.Store.Connections.OpenForFindingAsync(token))
        {
            Assert.Equal(["on", "on", "on", "force_custom_plan"], await SettingsAsync(finding, token));
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
