using EPoomasi.Ledger.Modules;
using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using Npgsql;

namespace EPoomasi.Ledger.Tests.Storage;

public sealed class a_write_transaction_left_uncommitted_leaves_nothing_behind(PostgresFixture postgres)
{
    // WriteTransaction begins and commits with plain SQL and leaves a rollback to closing its connection,
    // which Npgsql does as the connection returns to its pool. A connection handed back mid-transaction
    // would carry the row locks, or an aborted transaction, into whichever writer takes it next.
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task disposing_before_the_commit_releases_the_locks_and_hands_back_a_clean_connection()
    {
        await using var ledger = await TestLedger.CreateAsync(postgres);
        await ledger.CreateDistrictAsync("mapo");
        var kim = await ledger.OpenMemberAsync("mapo", startHours: 1);
        var token = TestContext.Current.CancellationToken;

        await using (var abandoned = await WriteTransaction.OpenAsync(ledger.Store, token))
        {
            var snapshot = await LockedSnapshot.ReadAsync(abandoned, ledger.Store, [kim], [], ModulePlan.None, token);
            Assert.NotNull(snapshot.Accounts[kim]);
        }

        // Another session can take the lock at once.
        await using (var other = new NpgsqlConnection(ledger.ConnectionString))
        {
            await other.OpenAsync(token);
            await using var lockNow = new NpgsqlCommand("select 1 from ledger.accounts where id = $1 for update nowait", other) { Parameters = { new() { Value = kim } } };
            Assert.Equal(1, await lockNow.ExecuteScalarAsync(token));
        }

        // The next transfer, on a pooled connection, commits normally.
        Assert.Equal(TransferResult.Ok, (await ledger.PayAsync(kim, await ledger.OpenMemberAsync("mapo"), 5)).Result);
        Assert.Equal(new Minutes(55), (await ledger.AccountAsync(kim)).Balance);
    }
}
