using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;

namespace EPoomasi.Ledger.Tests.Reading;

public sealed class members_read_accounts_statements_and_history(PostgresFixture postgres) : LedgerTest(postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_statement_pages_by_cursor_and_pages_do_not_shift_while_writes_continue()
    {
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 10);
        var lee = await Ledger.OpenMemberAsync("mapo");
        for (var i = 1; i <= 5; i++)
        {
            await Ledger.PayAsync(kim, lee, i);
        }

        var first = (await Ledger.Reader.GetStatementAsync(kim, 0, 3, CancellationToken.None))!;
        await Ledger.PayAsync(kim, lee, 100);
        var second = (await Ledger.Reader.GetStatementAsync(kim, first.NextCursor!.Value, 3, CancellationToken.None))!;
        var third = (await Ledger.Reader.GetStatementAsync(kim, second.NextCursor!.Value, 3, CancellationToken.None))!;

        var balances = first.Entries.Concat(second.Entries).Concat(third.Entries).Select(e => e.BalanceAfterMinutes.Value);
        Assert.Equal([600, 599, 597, 594, 590, 585, 485], balances);
        Assert.Null(third.NextCursor);
        Assert.All(second.Entries, e => Assert.Equal((EntrySide.Debit, lee), (e.Side, e.CounterpartyAccountId)));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_balance_as_of_a_past_instant_is_the_balance_after_the_last_entry_by_then()
    {
        // A clock that moves a millisecond on every reading, as a real one does between deciding and committing.
        Ledger.Clock.AutoAdvanceAmount = TimeSpan.FromMilliseconds(1);
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 1);
        var lee = await Ledger.OpenMemberAsync("mapo");
        var start = Ledger.Clock.GetUtcNow();
        Ledger.Clock.Advance(TimeSpan.FromHours(1));
        await Ledger.PayAsync(kim, lee, 10);
        var afterFirst = Ledger.Clock.GetUtcNow();
        Ledger.Clock.Advance(TimeSpan.FromHours(1));
        await Ledger.PayAsync(kim, lee, 20);

        Assert.Equal(new Minutes(60), await Ledger.Reader.GetBalanceAtAsync(kim, start, CancellationToken.None));
        Assert.Equal(new Minutes(50), await Ledger.Reader.GetBalanceAtAsync(kim, afterFirst, CancellationToken.None));
        Assert.Equal(new Minutes(30), await Ledger.Reader.GetBalanceAtAsync(kim, afterFirst.AddMinutes(90), CancellationToken.None));
        // At exactly the instant an entry records, the balance includes it, as the statement shows.
        var entries = (await Ledger.Reader.GetStatementAsync(kim, 0, 10, CancellationToken.None))!.Entries;
        Assert.Equal(3, entries.Count);
        foreach (var entry in entries)
        {
            Assert.Equal(entry.BalanceAfterMinutes, await Ledger.Reader.GetBalanceAtAsync(kim, entry.At, CancellationToken.None));
        }
        Assert.Equal(Minutes.Zero, await Ledger.Reader.GetBalanceAtAsync(lee, start, CancellationToken.None));
        Assert.Null(await Ledger.Reader.GetBalanceAtAsync(Guid.NewGuid(), start, CancellationToken.None));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_lookup_by_id_tells_a_client_what_became_of_a_transfer_including_a_refusal()
    {
        var kim = await Ledger.OpenMemberAsync("mapo", floorHours: 0);
        var lee = await Ledger.OpenMemberAsync("mapo");
        var refused = await Ledger.PayAsync(kim, lee, 5);
        var unknown = Guid.NewGuid();

        var found = await Ledger.Reader.LookupTransfersAsync([refused.Id, unknown], CancellationToken.None);

        var record = Assert.Single(found);
        Assert.Equal((refused.Id, TransferResult.DebitBelowFloor), (record.Id, record.Result));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task every_event_records_who_acted_for_whom_through_which_app_and_when()
    {
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 1);
        var lee = await Ledger.OpenMemberAsync("mapo");
        var coordinator = new Attribution("coordinator:mapo-park", "member:grandma-choi", "coordinator-tool");
        Ledger.Clock.Advance(TimeSpan.FromMinutes(7));

        var outcome = await Ledger.SubmitOneAsync(new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(15), TransferCode.Service, "paper slip", coordinator));

        var entries = (await Ledger.Reader.GetStatementAsync(lee, 0, 10, CancellationToken.None))!.Entries;
        Assert.Equal((coordinator, Ledger.Clock.GetUtcNow()), (entries.Single().By, entries.Single().At));
        Assert.Equal((coordinator, Ledger.Clock.GetUtcNow()), (outcome.Record!.By, outcome.Record.At));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_trial_balance_sums_every_account_to_zero()
    {
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 2);
        await Ledger.PayAsync(kim, await Ledger.OpenMemberAsync("mapo"), 30);

        var trial = (await Ledger.Reader.GetTrialBalanceAsync("mapo", CancellationToken.None))!;

        Assert.Equal([AccountKind.Issuance, AccountKind.CommunityPot], trial.OwnAccounts.Select(a => a.Kind));
        Assert.Equal(2, trial.MemberCount);
        Assert.True(trial.IsBalanced);
        Assert.Equal((Minutes.FromHours(2), Minutes.FromHours(2)), (trial.IssuedMinutes, trial.InCirculationMinutes));
        Assert.Null(await Ledger.Reader.GetTrialBalanceAsync("nowhere", CancellationToken.None));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task members_are_listed_a_page_at_a_time_each_once()
    {
        var members = new List<Guid>();
        for (var i = 0; i < 7; i++) members.Add(await Ledger.OpenMemberAsync("mapo"));

        var seen = new List<Guid>();
        var after = Guid.Empty;
        var pages = 0;
        while (true)
        {
            var page = (await Ledger.Reader.ListMemberAccountsAsync("mapo", after, 3, CancellationToken.None))!;
            pages++;
            seen.AddRange(page.Accounts.Select(a => a.Id));
            if (page.NextAfter is not { } next) break;
            after = next;
        }

        Assert.Equal(3, pages);
        Assert.Equal(members.Order(), seen);
        Assert.Null(await Ledger.Reader.ListMemberAccountsAsync("nowhere", Guid.Empty, 3, CancellationToken.None));
    }
}
