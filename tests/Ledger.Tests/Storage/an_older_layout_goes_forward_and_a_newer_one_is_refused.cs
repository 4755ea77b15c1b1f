using EPoomasi.Ledger.Auditing;
using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Writing;
using Npgsql;

namespace EPoomasi.Ledger.Tests.Storage;

public sealed class an_older_layout_goes_forward_and_a_newer_one_is_refused(PostgresFixture postgres) : LedgerTest(postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_schema_of_the_current_layout_migrates_again_without_complaint()
    {
        await Ledger.OpenMemberAsync("mapo", startHours: 1);

        await using var restarted = LedgerStore.Open(Ledger.ConnectionString, TimeProvider.System);
        await restarted.MigrateAsync();
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_schema_of_layout_2_goes_forward_and_keeps_its_posts_idempotent()
    {
        var receiver = await Ledger.OpenMemberAsync("mapo", startHours: 1);
        var provider = await Ledger.OpenMemberAsync("mapo");
        var hold = new CreateTransfer(Guid.NewGuid(), receiver, provider, new Minutes(12), TransferCode.Service, "", TestLedger.Member, TimeSpan.FromHours(1));
        await Ledger.SubmitOneAsync(hold);
        var post = new PostHold(Guid.NewGuid(), hold.Id, new Minutes(5), TestLedger.Member);
        await Ledger.SubmitOneAsync(post);
        // What layout 2 looked like: no requested amount on a post's record, no transfer events in the log.
        await ExecuteAsync(
            "alter table ledger.transfers drop column requested_amount_minutes; delete from ledger.mt_events where type = 'transfers_journaled'; " +
            "update ledger.storage_layout set version = 2");

        await using var upgraded = LedgerStore.Open(Ledger.ConnectionString, TimeProvider.System);
        await upgraded.MigrateAsync();
        var writer = new TransferWriter(upgraded);
        var repeated = (await writer.SubmitAsync([post], TestContext.Current.CancellationToken)).Single();

        Assert.Equal((TransferResult.Ok, true), (repeated.Result, repeated.Replayed));
        Assert.Equal(new Minutes(5), repeated.Record!.RequestedAmountMinutes);
        var rebuilt = await new ProjectionRebuild(upgraded).RunAsync(TestContext.Current.CancellationToken);
        Assert.Null(rebuilt.FirstDifference);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task an_operator_who_migrates_explicitly_is_told_to_when_the_layout_is_older()
    {
        await Ledger.OpenMemberAsync("mapo", startHours: 1);
        await ExecuteAsync("delete from ledger.mt_events where type = 'transfers_journaled'; update ledger.storage_layout set version = 3");

        await using var explicitly = LedgerStore.Open(Ledger.ConnectionString, TimeProvider.System);
        var refusal = await Assert.ThrowsAsync<StorageLayoutException>(() => explicitly.MigrateAsync(carryLayoutForward: false));
        Assert.Contains("storage layout 3", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("migrate", refusal.Message, StringComparison.Ordinal);

        await explicitly.MigrateAsync();
        await explicitly.MigrateAsync(carryLayoutForward: false);
        Assert.Null((await new ProjectionRebuild(explicitly).RunAsync(TestContext.Current.CancellationToken)).FirstDifference);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task events_without_a_layout_mark_are_refused_with_what_to_do()
    {
        await Ledger.OpenMemberAsync("mapo", startHours: 1);
        await ExecuteAsync("drop table ledger.storage_layout");

        await using var earlier = LedgerStore.Open(Ledger.ConnectionString, TimeProvider.System);
        var refusal = await Assert.ThrowsAsync<StorageLayoutException>(() => earlier.MigrateAsync());
        Assert.Contains("earlier storage layout", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("empty database", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("layout (1)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task another_layout_mark_is_refused()
    {
        await ExecuteAsync($"update ledger.storage_layout set version = {StorageLayout.Current + 1}");

        await using var later = LedgerStore.Open(Ledger.ConnectionString, TimeProvider.System);
        var refusal = await Assert.ThrowsAsync<StorageLayoutException>(() => later.MigrateAsync());
        Assert.Contains($"storage layout {StorageLayout.Current + 1}", refusal.Message, StringComparison.Ordinal);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Ledger.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
