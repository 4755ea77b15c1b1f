using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Tests.Modules.TinyExchange;
using EPoomasi.Ledger.Transfers;
using Npgsql;

namespace EPoomasi.Ledger.Tests.Modules;

public sealed class a_deal_and_its_hold_commit_together(PostgresFixture postgres) : ModuleTest(postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task accepting_places_the_hold_and_changes_the_deal_in_one_transaction()
    {
        var dealId = await ProposeAsync(minutes: 120);
        var accept = new AcceptDeal(Guid.NewGuid(), Receiver, dealId);

        var outcome = await Deals.SubmitAsync(accept, Ct);

        Assert.Equal(DealResult.Accepted, outcome.Result);
        Assert.False(outcome.Replayed);
        var hold = Assert.Single(outcome.Transfers);
        Assert.Equal((DealDecider.HoldOf(dealId), TransferResult.Ok), (hold.Id, hold.Result));
        var (deal, version) = (await Deals.GetAsync(dealId.ToString(), Ct))!.Value;
        Assert.Equal((DealStatus.Accepted, hold.Id, 2L), (deal.Status, deal.HoldId, version));
        var record = (await HoldOfAsync(dealId))!;
        Assert.Equal((HoldState.Pending, 120L), (record.HoldState, record.AmountMinutes.Value));
        Assert.Equal(120, (await Ledger.AccountAsync(ReceiverAccount)).DebitsPending.Value);
        // One transaction, one journal: the hold's events and the deal's change sit in the same stream.
        Assert.Equal(1L, await StreamsMentioningAsync(hold.Id, accept.Id));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_repeated_id_answers_its_first_outcome_and_changes_nothing()
    {
        var dealId = await ProposeAsync();
        var accept = new AcceptDeal(Guid.NewGuid(), Receiver, dealId);
        await Deals.SubmitAsync(accept, Ct);

        var again = await Deals.SubmitAsync(accept, Ct);

        Assert.Equal((DealResult.Accepted, true), (again.Result, again.Replayed));
        Assert.Equal((DealDecider.HoldOf(dealId), TransferResult.Ok, true), (again.Transfers[0].Id, again.Transfers[0].Result, again.Transfers[0].Replayed));
        Assert.Equal(2L, (await Deals.GetAsync(dealId.ToString(), Ct))!.Value.Version);
        Assert.Equal(120, (await Ledger.AccountAsync(ReceiverAccount)).DebitsPending.Value);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_refused_hold_leaves_the_deal_proposed_and_the_refusal_is_kept()
    {
        // The receiver holds 5 hours and may go 10 below zero: 20 hours cannot be reserved.
        var dealId = await ProposeAsync(minutes: 20 * 60);
        var accept = new AcceptDeal(Guid.NewGuid(), Receiver, dealId);

        var outcome = await Deals.SubmitAsync(accept, Ct);

        Assert.Equal(DealResult.HoldRefused, outcome.Result);
        Assert.Equal(TransferResult.DebitBelowFloor, outcome.Transfers[0].Result);
        Assert.Equal(DealStatus.Proposed, (await Deals.GetAsync(dealId.ToString(), Ct))!.Value.State.Status);
        Assert.Equal(0, (await Ledger.AccountAsync(ReceiverAccount)).DebitsPending.Value);
        Assert.Equal((DealResult.HoldRefused, true), ((await Deals.SubmitAsync(accept, Ct)) is var repeat ? repeat.Result : default, repeat.Replayed));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task confirming_posts_the_hold_and_moves_the_minutes()
    {
        var dealId = await ProposeAsync(minutes: 90);
        await Deals.SubmitAsync(new AcceptDeal(Guid.NewGuid(), Receiver, dealId), Ct);

        var outcome = await Deals.SubmitAsync(new ConfirmDeal(Guid.NewGuid(), Receiver, dealId), Ct);

        Assert.Equal(DealResult.Confirmed, outcome.Result);
        Assert.Equal(HoldState.Posted, (await HoldOfAsync(dealId))!.HoldState);
        Assert.Equal(90, (await Ledger.AccountAsync(ProviderAccount)).Balance.Value);
        Assert.Equal(5 * 60 - 90, (await Ledger.AccountAsync(ReceiverAccount)).Balance.Value);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task an_id_reused_by_another_command_is_refused_and_nothing_is_applied()
    {
        var dealId = await ProposeAsync();
        var id = Guid.NewGuid();
        await Deals.SubmitAsync(new AcceptDeal(id, Receiver, dealId), Ct);

        var reused = await Assert.ThrowsAsync<ModuleIdReusedException>(() => Deals.SubmitAsync(new ConfirmDeal(id, Receiver, dealId), Ct));

        Assert.Equal(id, reused.Id);
        Assert.Equal(HoldState.Pending, (await HoldOfAsync(dealId))!.HoldState);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_command_without_attribution_or_key_is_refused_before_it_waits()
    {
        await Assert.ThrowsAsync<LedgerInputException>(() => Deals.SubmitAsync(new AcceptDeal(Guid.NewGuid(), new Attribution(" ", null, "tests"), Guid.NewGuid()), Ct));
        await Assert.ThrowsAsync<LedgerInputException>(() => Deals.SubmitAsync(new AcceptDeal(Guid.Empty, Receiver, Guid.NewGuid()), Ct));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_rebuild_folds_the_deals_from_the_log_and_finds_a_changed_row()
    {
        var dealId = await ProposeAsync();
        await Deals.SubmitAsync(new AcceptDeal(Guid.NewGuid(), Receiver, dealId), Ct);
        await Deals.SubmitAsync(new AcceptDeal(Guid.NewGuid(), Receiver, await ProposeAsync(minutes: 20 * 60)), Ct);

        var report = await Door.RebuildProjectionsAsync(Ct);
        Assert.Null(report.FirstDifference);
        Assert.Equal(2, report.RowsCompared["module_states"]);
        Assert.Equal(4, report.RowsCompared["module_outcomes"]);

        await using var connection = new NpgsqlConnection(Ledger.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var tamper = new NpgsqlCommand("update ledger.module_states set state = jsonb_set(state, '{minutes}', '1')", connection);
        await tamper.ExecuteNonQueryAsync(Ct);
        var difference = (await Door.RebuildProjectionsAsync(Ct)).FirstDifference;
        Assert.Equal(("module_states", "state"), (difference?.Table, difference?.Column));
    }

    private async Task<long> StreamsMentioningAsync(Guid holdId, Guid commandId)
    {
        await using var connection = new NpgsqlConnection(Ledger.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "select count(distinct stream_id) from ledger.mt_events where data::text like '%' || $1 || '%' or data::text like '%' || $2 || '%'", connection)
        {
            Parameters = { new NpgsqlParameter { Value = holdId.ToString() }, new NpgsqlParameter { Value = commandId.ToString() } },
        };
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
