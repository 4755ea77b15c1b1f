using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Districts;
using EPoomasi.Ledger.Districts.OpeningBudgetPeriod;
using EPoomasi.Ledger.Districts.SettingMintBudget;
using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Ledger.Tests.Districts;

public sealed class a_mint_budget_per_month_starts_again_each_month(PostgresFixture postgres) : LedgerTest(postgres), IClassFixture<PostgresFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<TransferOutcome> MintAsync(Guid member, long minutes) =>
        Ledger.PayAsync(WellKnownAccounts.Issuance("mapo"), member, minutes, TransferCode.Mint, "마을 청소 / clean-up");

    private Task<AdminOutcome> OpenAsync() => Ledger.Admin.ExecuteAsync(new OpenMintBudgetPeriod("mapo", Attribution.System), Ct);

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task each_seoul_month_may_mint_its_budget_and_no_more()
    {
        var member = await Ledger.OpenMemberAsync("mapo", startHours: 0);
        var member2 = await Ledger.OpenMemberAsync("mapo", startHours: 0);
        Assert.Equal(TransferResult.Ok, (await MintAsync(member, 300)).Result);
        // 10 hours a month from 15 December: what was minted before does not count against it.
        Ledger.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(AdminResult.Ok, (await Ledger.Admin.ExecuteAsync(new SetMintBudget("mapo", new Minutes(600), "월 예산 / monthly", TestLedger.Coordinator, MintBudgetPeriod.Month), Ct)).Result);

        var december = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => MintAsync(i % 2 == 0 ? member : member2, 100)));
        var sameMonth = await OpenAsync();
        // 15:30 UTC on 31 December is half past midnight on 1 January in Seoul.
        Ledger.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 15, 30, 0, TimeSpan.Zero));
        var january = await OpenAsync();
        var again = await OpenAsync();
        var januaryMints = new[] { await MintAsync(member, 600), await MintAsync(member, 1) };
        var district = (await Ledger.Reader.GetDistrictAsync("mapo", Ct))!;

        Assert.Equal(6, december.Count(o => o.IsOk));
        Assert.All(december.Where(o => !o.IsOk), o => Assert.Equal(TransferResult.MintBudgetExceeded, o.Result));
        Assert.False(sameMonth.Changed);
        Assert.True(january.Changed);
        Assert.False(again.Changed);
        Assert.Equal([TransferResult.Ok, TransferResult.MintBudgetExceeded], januaryMints.Select(o => o.Result));
        Assert.Equal((MintBudgetPeriod.Month, "2027-01"), (district.MintBudgetPeriod, district.MintBudgetPeriodOpened));
        Assert.Equal(new Minutes(-(300 + 600 + 600)), (await Ledger.AccountAsync(WellKnownAccounts.Issuance("mapo"))).Balance);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_lifetime_budget_never_starts_again_and_going_back_to_it_counts_everything_issued()
    {
        var member = await Ledger.OpenMemberAsync("mapo", startHours: 0);
        Assert.Equal(AdminResult.Ok, (await Ledger.Admin.ExecuteAsync(new SetMintBudget("mapo", new Minutes(600), "월 예산", TestLedger.Coordinator, MintBudgetPeriod.Month), Ct)).Result);
        Assert.Equal(TransferResult.Ok, (await MintAsync(member, 600)).Result);

        var lifetimeTooSmall = await Ledger.Admin.ExecuteAsync(new SetMintBudget("mapo", new Minutes(500), "전체", TestLedger.Coordinator, MintBudgetPeriod.Lifetime), Ct);
        var lifetime = await Ledger.Admin.ExecuteAsync(new SetMintBudget("mapo", new Minutes(900), "전체", TestLedger.Coordinator, MintBudgetPeriod.Lifetime), Ct);
        Ledger.Clock.Advance(TimeSpan.FromDays(40));
        var opened = await OpenAsync();

        Assert.Equal(AdminResult.BudgetBelowIssued, lifetimeTooSmall.Result);
        Assert.Equal(AdminResult.Ok, lifetime.Result);
        Assert.False(opened.Changed);
        Assert.Equal([TransferResult.Ok, TransferResult.MintBudgetExceeded], new[] { (await MintAsync(member, 300)).Result, (await MintAsync(member, 1)).Result });
        Assert.Null((await Ledger.Reader.GetDistrictAsync("mapo", Ct))!.MintBudgetPeriodOpened);
    }
}
