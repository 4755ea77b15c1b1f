using EPoomasi.Ledger.Accounts.ChangingLimits;
using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Reading.Reports;
using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Ledger.Tests.Reading;

public sealed class reports_as_of_an_instant_do_not_change_afterwards(PostgresFixture postgres) : LedgerTest(postgres), IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset LastMonth = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private ReportReader Reports => new(Ledger.Store);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Two members welcomed on 1 November (10 h each), a service on 20 November; the report instant is 25 November;
    // then in December (Seoul time) goods, a mint and a newcomer.
    private async Task<(Guid A, Guid B, Guid Newcomer)> HistoryAsync()
    {
        var a = await Ledger.OpenMemberAsync("mapo", startHours: 10);
        var b = await Ledger.OpenMemberAsync("mapo", startHours: 10);
        Ledger.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
        Assert.Equal(TransferResult.Ok, (await Ledger.PayAsync(a, b, 60)).Result);
        // 15:30 UTC on 30 November is half past midnight on 1 December in Seoul.
        Ledger.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 15, 30, 0, TimeSpan.Zero));
        Assert.Equal(TransferResult.Ok, (await Ledger.PayAsync(b, a, 30, TransferCode.Goods)).Result);
        Assert.Equal(TransferResult.Ok, (await Ledger.PayAsync(WellKnownAccounts.Issuance("mapo"), a, 120, TransferCode.Mint)).Result);
        var newcomer = await Ledger.OpenMemberAsync("mapo");
        return (a, b, newcomer);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_supply_of_last_month_reads_the_same_after_this_months_transfers()
    {
        var (a, b, _) = await HistoryAsync();
        var before = await Reports.SupplyAsync("mapo", LastMonth, Ct);

        Ledger.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(TransferResult.Ok, (await Ledger.PayAsync(a, b, 45)).Result);
        Assert.Equal(TransferResult.Ok, (await Ledger.PayAsync(WellKnownAccounts.Issuance("mapo"), b, 600, TransferCode.Mint)).Result);
        var after = await Reports.SupplyAsync("mapo", LastMonth, Ct);
        var now = await Reports.SupplyAsync("mapo", Ledger.Clock.GetUtcNow(), Ct);

        Assert.Equal((2L, 1_200L, 1_200L, 0L), (before.MemberCount, before.IssuedMinutes.Value, before.InCirculationMinutes.Value, before.TotalMinutes.Value));
        Assert.Equal(before with { ClearingPositions = after.ClearingPositions }, after);
        Assert.Equal(before.ClearingPositions, after.ClearingPositions);
        Assert.Equal((3L, 1_920L, 1_920L, true), (now.MemberCount, now.IssuedMinutes.Value, now.InCirculationMinutes.Value, now.IsBalanced));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task hours_are_counted_by_seoul_month_and_code()
    {
        await HistoryAsync();

        var rows = await Reports.HoursByMonthAsync("mapo", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), Ledger.Clock.GetUtcNow().AddSeconds(1), Ct);

        Assert.Equal(
            [("2026-11", TransferCode.Service, 60L, 1L), ("2026-11", TransferCode.Welcome, 1_200L, 2L), ("2026-12", TransferCode.Goods, 30L, 1L), ("2026-12", TransferCode.Mint, 120L, 1L)],
            rows.Select(r => (r.Month, r.Code, r.Minutes.Value, r.Transfers)).OrderBy(r => r.Month).ThenBy(r => r.Code.ToString(), StringComparer.Ordinal));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task balances_are_bucketed_as_they_stood()
    {
        await HistoryAsync();

        var then = await Reports.DistributionAsync("mapo", LastMonth, [new Minutes(0), new Minutes(600), new Minutes(1_200)], Ct);
        var now = await Reports.DistributionAsync("mapo", Ledger.Clock.GetUtcNow(), [new Minutes(0), new Minutes(600), new Minutes(1_200)], Ct);

        Assert.Equal([0L, 1L, 1L, 0L], then.Select(b => b.Members));
        Assert.Equal((null, (long?)0), (then[0].From?.Value, then[0].To?.Value));
        // a: 540 + 30 + 120 = 690, b: 660 - 30 = 630, the newcomer: 0.
        Assert.Equal([0L, 1L, 2L, 0L], now.Select(b => b.Members));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task dormant_members_are_those_quiet_for_the_whole_period()
    {
        var (a, b, newcomer) = await HistoryAsync();

        var quietThreeDays = await Reports.DormantAsync("mapo", LastMonth, TimeSpan.FromDays(3), Guid.Empty, 10, Ct);
        var quietTenDays = await Reports.DormantAsync("mapo", LastMonth, TimeSpan.FromDays(10), Guid.Empty, 10, Ct);
        var pageOne = await Reports.DormantAsync("mapo", LastMonth, TimeSpan.FromDays(3), Guid.Empty, 1, Ct);
        var pageTwo = await Reports.DormantAsync("mapo", LastMonth, TimeSpan.FromDays(3), pageOne.NextAfter!.Value, 1, Ct);
        var lateNow = Ledger.Clock.GetUtcNow().AddDays(30);
        var monthLater = await Reports.DormantAsync("mapo", lateNow, TimeSpan.FromDays(20), Guid.Empty, 10, Ct);

        Assert.Equal(new[] { a, b }.Order(), quietThreeDays.Members.Select(m => m.AccountId));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero), quietThreeDays.Members[0].LastActivity);
        Assert.Empty(quietTenDays.Members);
        Assert.Equal(quietThreeDays.Members, pageOne.Members.Concat(pageTwo.Members));
        Assert.Null(pageTwo.NextAfter);
        Assert.Equal(new[] { a, b, newcomer }.Order(), monthLater.Members.Select(m => m.AccountId));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task members_near_their_floor_or_cap_are_listed()
    {
        var (a, b, newcomer) = await HistoryAsync();
        Assert.Equal(AdminResult.Ok, (await Ledger.Admin.ExecuteAsync(new ChangeAccountLimits(b, new Minutes(-600), new Minutes(700), "test", TestLedger.Coordinator), Ct)).Result);
        Assert.Equal(TransferResult.Ok, (await Ledger.PayAsync(newcomer, a, 570)).Result);

        var then = await Reports.NearLimitsAsync("mapo", LastMonth, new Minutes(60), Guid.Empty, 10, Ct);
        var now = await Reports.NearLimitsAsync("mapo", Ledger.Clock.GetUtcNow(), new Minutes(60), Guid.Empty, 10, Ct);
        var exactly = await Reports.NearLimitsAsync("mapo", LastMonth, new Minutes(39), Guid.Empty, 10, Ct);

        // On 25 November b had 660 under a cap of 700 (as the cap stands now); now b has 630, and the newcomer -570 over a floor of -600.
        Assert.Equal([b], then.Members.Select(m => m.AccountId));
        Assert.Equal([newcomer], now.Members.Select(m => m.AccountId));
        Assert.Equal((-570L, -600L), (now.Members[0].Balance.Value, now.Members[0].Floor.Value));
        Assert.Empty(exactly.Members);
    }
}
