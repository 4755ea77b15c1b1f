using Npgsql;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// From the CLI, an auditor verifies the journal and rebuilds the projections of a gateway that has just
/// served the demo: both pass. Then one statement line's memo is edited by hand inside its event: the
/// chain names the row, and the rebuild names the statement entry and the column. (A gateway and database
/// of its own: the edit would break every other test's chain.)
/// </summary>
[Collection(ConsoleOutput.Name)]
public sealed class an_auditor_at_the_cli_finds_a_row_edited_by_hand(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task verify_and_rebuild_pass_then_both_name_the_edit()
    {
        var name = $"audit_{Guid.NewGuid():N}";
        await gateway.Postgres.CreateDatabaseAsync(name, null, Ct);
        var connectionString = gateway.Postgres.ConnectionString(name);
        var (app, channel, _) = await GatewayFixture.StartGatewayAsync(connectionString, "--Ledger:SealIntervalMilliseconds=50");
        await using (app)
        using (channel)
        {
            var cli = channel.Target.StartsWith("http", StringComparison.Ordinal) ? channel.Target : $"http://{channel.Target}";
            Assert.Equal(0, (await RunAsync(cli, null, "demo")).ExitCode);
            var (verified, verifiedText) = await EventuallyAsync(cli, "verify-journal");
            var (rebuilt, rebuiltText) = await RunAsync(cli, GatewayFixture.Auditor, "rebuild-projections");
            Assert.True(verified == 0, verifiedText);
            Assert.True(rebuilt == 0, rebuiltText);
            Assert.Contains("이상 없음", verifiedText, StringComparison.Ordinal);
            Assert.Contains("모든 테이블 일치", rebuiltText, StringComparison.Ordinal);

            var edited = await EditLastMemoAsync(connectionString);
            var (brokenExit, broken) = await RunAsync(cli, GatewayFixture.Auditor, "verify-journal");
            var (differentExit, different) = await RunAsync(cli, GatewayFixture.Auditor, "rebuild-projections");

            Assert.Equal(1, brokenExit);
            Assert.Contains($"BROKEN at row {edited}", broken, StringComparison.Ordinal);
            Assert.Equal(1, differentExit);
            Assert.Contains("DIFFERENCE in entries", different, StringComparison.Ordinal);
            Assert.Contains("column memo", different, StringComparison.Ordinal);
            Assert.Contains("forged", different, StringComparison.Ordinal);
            await app.StopAsync(Ct);
        }
    }

    // The memo of the first statement line in the newest journal chunk of account events.
    private static async Task<long> EditLastMemoAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "update ledger.mt_events set data = jsonb_set(data, '{events,0,memo}', '\"forged\"') where seq_id = (select max(seq_id) from ledger.mt_events " +
            "where type = 'account_events_journaled' and data->'events'->0->>'$type' = 'entry_posted') returning seq_id", connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    // The gateway seals every 50 ms here; the demo's last rows are sealed a moment after it ends.
    private static async Task<(int ExitCode, string Output)> EventuallyAsync(string cli, string command)
    {
        while (true)
        {
            var (exit, output) = await RunAsync(cli, GatewayFixture.Auditor, command);
            if (exit != 0 || output.Contains(" 0 not sealed yet", StringComparison.Ordinal)) return (exit, output);
            await Task.Delay(50, Ct);
        }
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string cli, string? token, params string[] args) => CliRun.RunAsync(cli, token, args);
}
