using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Tests.Model;
using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Ledger.Tests.Invariants;

/// <summary>
/// Each invariant of DESIGN.md, checked after every step of random scenarios (FsCheck-generated,
/// fixed seeds) on the real ledger.
/// </summary>
public sealed class the_invariants_hold_on_random_scenarios(PostgresFixture postgres)
{
    private static readonly ulong[] Seeds = [11, 12];
    private const int Steps = 120;

    [Fact(Timeout = TestTimeouts.Default)]
    public Task invariant_1_balances_sum_to_zero_in_the_city_in_each_district_and_across_clearing() =>
        AfterEveryStep(Invariant.BalancesSumToZero);

    [Fact(Timeout = TestTimeouts.Default)]
    public Task invariant_2_balance_is_credits_minus_debits_and_available_is_balance_minus_pending() =>
        AfterEveryStep(Invariant.BalanceIsCreditsMinusDebits);

    [Fact(Timeout = TestTimeouts.Default)]
    public Task invariant_3_no_account_leaves_its_floor_or_cap_and_no_pot_goes_below_zero() =>
        AfterEveryStep(Invariant.EveryAccountWithinItsLimits);

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task invariant_4_a_rejected_command_changes_nothing()
    {
        var checkedRejections = 0;
        foreach (var seed in Seeds)
        {
            await using var ledger = await TestLedger.CreateAsync(postgres);
            Books? before = null;
            var run = new ScenarioRun(ledger, await World.BuildAsync(ledger), seed)
            {
                BeforeSubmit = async _ => before = await Books.ReadAsync(ledger),
                AfterStep = async (_, batch, outcomes) =>
                {
                    if (outcomes is not null && outcomes.All(o => !o.IsOk || o.Replayed))
                    {
                        Invariant.RejectionChangedNothing(before!, await Books.ReadAsync(ledger), outcomes);
                        checkedRejections++;
                    }
                },
            };
            await run.RunAsync(Scenarios.Sample(seed, Steps));
        }

        Assert.True(checkedRejections > 50, $"Only {checkedRejections} rejected batches were checked.");
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task invariant_5_each_id_has_one_outcome_and_each_effect_exists_once()
    {
        foreach (var seed in Seeds)
        {
            await using var ledger = await TestLedger.CreateAsync(postgres);
            var run = new ScenarioRun(ledger, await World.BuildAsync(ledger), seed)
            {
                AfterStep = async (_, _, _) => Invariant.EachEffectExistsOnce(await Books.ReadAsync(ledger)),
            };
            await run.RunAsync(Scenarios.Sample(seed, Steps));

            // Submitting the whole history again answers every item that has an outcome of its own as the first
            // time, and moves nothing. (An item never decided for itself — left unapplied by a failed chain, or
            // refused for its shape — has no outcome to repeat: it is decided again, against accounts that
            // administration may have frozen or closed since.)
            var before = await Books.ReadAsync(ledger);
            var again = new List<TransferOutcome>();
            foreach (var batch in run.Batches)
            {
                again.AddRange(await ledger.Transfers.SubmitAsync(batch, CancellationToken.None));
            }

            var after = await Books.ReadAsync(ledger);
            Assert.Equal(before.AccountEvents.Count, after.AccountEvents.Count);
            Assert.Equal(before.Accounts.OrderBy(a => a.Id), after.Accounts.OrderBy(a => a.Id));
            Invariant.EachEffectExistsOnce(after);
            var remembered = run.Outcomes.Select((first, i) => (first, i)).Where(p => p.first.Record?.Id == p.first.Id && p.first.Id != Guid.Empty).ToList();
            Assert.NotEmpty(remembered);
            Assert.Equal(remembered.Select(p => p.first.Result), remembered.Select(p => again[p.i].Result));
            Assert.All(remembered, p => Assert.True(again[p.i].Replayed, $"Item {p.i} ({p.first.Id}) was decided again instead of answered."));
        }
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public Task invariant_6_each_hold_resolves_at_most_once_and_nothing_stays_reserved() =>
        AfterEveryStep(Invariant.EachHoldResolvesAtMostOnce);

    [Fact(Timeout = TestTimeouts.Default)]
    public Task invariant_7_folding_all_events_rebuilds_the_stored_balances() =>
        AfterEveryStep(Invariant.FoldingRebuildsStoredState);

    [Fact(Timeout = TestTimeouts.Default)]
    public Task invariant_8_a_transfer_is_reversed_at_most_once() =>
        AfterEveryStep(Invariant.EachTransferReversedAtMostOnce);

    private async Task AfterEveryStep(Action<Books> check)
    {
        foreach (var seed in Seeds)
        {
            await using var ledger = await TestLedger.CreateAsync(postgres);
            var run = new ScenarioRun(ledger, await World.BuildAsync(ledger), seed)
            {
                AfterStep = async (_, _, _) => check(await Books.ReadAsync(ledger)),
            };
            await run.RunAsync(Scenarios.Sample(seed, Steps));
        }
    }
}
