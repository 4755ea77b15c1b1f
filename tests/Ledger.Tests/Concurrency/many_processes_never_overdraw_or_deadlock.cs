using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Tests.Invariants;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;

namespace EPoomasi.Ledger.Tests.Concurrency;

public sealed class many_processes_never_overdraw_or_deadlock(PostgresFixture postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task two_hundred_one_minute_payments_from_a_hundred_minutes_at_floor_zero_leave_exactly_zero()
    {
        await using var processes = await Processes.StartAsync(postgres, count: 4);
        var ledger = processes.First;
        await ledger.CreateDistrictAsync("mapo");
        var payer = await ledger.OpenMemberAsync("mapo", floorHours: 0);
        await ledger.SubmitOneAsync(new CreateTransfer(Guid.NewGuid(), WellKnownAccounts.Issuance("mapo"), payer, new Minutes(100), TransferCode.Welcome, "", TestLedger.Coordinator));
        var payees = new[] { await ledger.OpenMemberAsync("mapo"), await ledger.OpenMemberAsync("mapo") };

        var outcomes = await processes.RaceAsync(200, (process, i) => process.PayAsync(payer, payees[i % 2], 1));

        Assert.Equal(100, outcomes.Count(o => o.Result == TransferResult.Ok));
        Assert.Equal(100, outcomes.Count(o => o.Result == TransferResult.DebitBelowFloor));
        Assert.Equal(Minutes.Zero, (await ledger.AccountAsync(payer)).Balance);
        Assert.Equal(new Minutes(100), (await ledger.AccountAsync(payees[0])).Balance + (await ledger.AccountAsync(payees[1])).Balance);
        await AssertBooksSoundAsync(processes);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task crossing_payments_between_a_few_accounts_from_four_processes_complete_without_deadlock()
    {
        await using var processes = await Processes.StartAsync(postgres, count: 4);
        var ledger = processes.First;
        await ledger.CreateDistrictAsync("mapo");
        await ledger.CreateDistrictAsync("gangnam");
        await ledger.LinkDistrictsAsync("mapo", "gangnam", trustHours: 1);
        var members = new[]
        {
            await ledger.OpenMemberAsync("mapo", startHours: 1, floorHours: 0),
            await ledger.OpenMemberAsync("mapo", startHours: 1, floorHours: 0),
            await ledger.OpenMemberAsync("gangnam", startHours: 1, floorHours: 0),
        };

        // Every ordered pair, both ways at once, in one district and across two: the classic deadlock shape.
        var outcomes = await processes.RaceAsync(300, (process, i) =>
            process.PayAsync(members[i % 3], members[(i + 1 + i / 3 % 2) % 3], 1 + i % 7));

        Assert.All(outcomes, o => Assert.Contains(o.Result, new[] { TransferResult.Ok, TransferResult.DebitBelowFloor, TransferResult.TrustLimitExceeded }));
        Assert.True(outcomes.Count(o => o.IsOk) > 100, "Most payments should succeed.");
        Assert.Equal(0, await processes.DeadlocksAsync());
        var total = Minutes.Zero;
        foreach (var member in members)
        {
            var account = await ledger.AccountAsync(member);
            Assert.True(account.Balance >= Minutes.Zero);
            total += account.Balance;
        }

        var clearing = await ledger.AccountAsync(WellKnownAccounts.Clearing("mapo", "gangnam"));
        Assert.Equal(Minutes.FromHours(3), total);
        Assert.True(clearing.Balance <= Minutes.FromHours(1) && clearing.Balance >= Minutes.FromHours(-1));
        await AssertBooksSoundAsync(processes);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_hot_issuance_account_minting_from_four_processes_loses_nothing()
    {
        await using var processes = await Processes.StartAsync(postgres, count: 4);
        var ledger = processes.First;
        await ledger.CreateDistrictAsync("mapo", budgetHours: 100);
        var members = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            members.Add(await ledger.OpenMemberAsync("mapo"));
        }

        var outcomes = await processes.RaceAsync(400, (process, i) => process.SubmitOneAsync(new CreateTransfer(
            Guid.NewGuid(), WellKnownAccounts.Issuance("mapo"), members[i % 10], new Minutes(15), TransferCode.Mint, "", TestLedger.Coordinator)));

        // The budget of 100 h allows exactly 400 mints of 15 minutes.
        Assert.All(outcomes, o => Assert.Equal(TransferResult.Ok, o.Result));
        Assert.Equal(Minutes.FromHours(-100), (await ledger.AccountAsync(WellKnownAccounts.Issuance("mapo"))).Balance);
        var refused = await ledger.SubmitOneAsync(new CreateTransfer(Guid.NewGuid(), WellKnownAccounts.Issuance("mapo"), members[0], new Minutes(1), TransferCode.Mint, "", TestLedger.Coordinator));
        Assert.Equal(TransferResult.MintBudgetExceeded, refused.Result);
        await AssertBooksSoundAsync(processes);
    }

    private static async Task AssertBooksSoundAsync(Processes processes)
    {
        var books = await Books.ReadAsync(processes.First);
        Invariant.BalancesSumToZero(books);
        Invariant.FoldingRebuildsStoredState(books);
        Invariant.EveryAccountWithinItsLimits(books);
        Invariant.EachEffectExistsOnce(books);
    }
}
