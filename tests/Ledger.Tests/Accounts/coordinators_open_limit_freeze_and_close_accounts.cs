using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Accounts.ChangingLimits;
using EPoomasi.Ledger.Accounts.ClosingAccount;
using EPoomasi.Ledger.Accounts.FreezingAccount;
using EPoomasi.Ledger.Accounts.OpeningAccount;
using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Districts.ChangingDefaults;
using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.VoidingHold;

namespace EPoomasi.Ledger.Tests.Accounts;

public sealed class coordinators_open_limit_freeze_and_close_accounts(PostgresFixture postgres) : LedgerTest(postgres)
{
    private Task<AdminOutcome> Run(AdminCommand command) => Ledger.Admin.ExecuteAsync(command, CancellationToken.None);

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task opening_takes_the_district_defaults_and_is_harmless_to_repeat()
    {
        var id = Guid.NewGuid();
        Assert.Equal(new AdminOutcome(AdminResult.Ok, true), await Run(new OpenAccount(id, "mapo", TestLedger.Coordinator)));
        Assert.Equal(new AdminOutcome(AdminResult.Ok, false), await Run(new OpenAccount(id, "mapo", TestLedger.Coordinator)));

        await Ledger.CreateDistrictAsync("gangnam");
        Assert.Equal(AdminResult.ExistsWithDifferentFields, (await Run(new OpenAccount(id, "gangnam", TestLedger.Coordinator))).Result);
        Assert.Equal(AdminResult.DistrictNotFound, (await Run(new OpenAccount(Guid.NewGuid(), "nowhere", TestLedger.Coordinator))).Result);
        var account = await Ledger.AccountAsync(id);
        Assert.Equal((AccountKind.Member, Minutes.FromHours(-10), Minutes.FromHours(100), AccountStatus.Open), (account.Kind, account.Floor, account.Cap, account.Status));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task new_district_defaults_apply_to_accounts_opened_afterwards()
    {
        var before = await Ledger.OpenMemberAsync("mapo");
        Assert.Equal(AdminResult.Ok, (await Run(new ChangeDistrictDefaults("mapo", Minutes.FromHours(-5), Minutes.FromHours(50), "policy", TestLedger.Coordinator))).Result);
        var after = await Ledger.OpenMemberAsync("mapo");

        Assert.Equal(Minutes.FromHours(-10), (await Ledger.AccountAsync(before)).Floor);
        Assert.Equal((Minutes.FromHours(-5), Minutes.FromHours(50)), ((await Ledger.AccountAsync(after)).Floor, (await Ledger.AccountAsync(after)).Cap));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_limit_override_records_who_and_why_and_must_include_the_current_balance()
    {
        var member = await Ledger.OpenMemberAsync("mapo", startHours: 3);
        var coordinator = new Attribution("coordinator:mapo-park", null, "coordinator-tool");

        Assert.Equal(AdminResult.ReasonRequired, (await Run(new ChangeAccountLimits(member, Minutes.Zero, Minutes.FromHours(20), "", coordinator))).Result);
        Assert.Equal(AdminResult.LimitsExcludeCurrentBalance, (await Run(new ChangeAccountLimits(member, Minutes.Zero, Minutes.FromHours(2), "tighten", coordinator))).Result);
        Assert.Equal(AdminResult.LimitsInvalid, (await Run(new ChangeAccountLimits(member, Minutes.FromHours(1), Minutes.FromHours(20), "odd", coordinator))).Result);
        Assert.Equal(AdminResult.LimitsInvalid, (await Run(new ChangeAccountLimits(member, new Minutes(long.MinValue), Minutes.FromHours(20), "extreme", coordinator))).Result);
        Assert.Equal(AdminResult.LimitsInvalid, (await Run(new ChangeAccountLimits(member, Minutes.Zero, new Minutes(long.MaxValue), "extreme", coordinator))).Result);
        Assert.Equal(AdminResult.Ok, (await Run(new ChangeAccountLimits(member, Minutes.Zero, Minutes.FromHours(20), "care co-op agreement", coordinator))).Result);

        await using var session = Ledger.Store.Documents.QuerySession();
        var changed = (await session.Events.FetchStreamAsync(member, token: TestContext.Current.CancellationToken)).Select(e => e.Data).OfType<AccountLimitsChanged>().Single();
        Assert.Equal(("care co-op agreement", coordinator, Ledger.Clock.GetUtcNow()), (changed.Reason, changed.By, changed.At));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_frozen_account_neither_pays_nor_is_paid_until_unfrozen()
    {
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 1);
        var lee = await Ledger.OpenMemberAsync("mapo", startHours: 1);
        Assert.Equal(new AdminOutcome(AdminResult.Ok, true), await Run(new FreezeAccount(kim, "dispute", TestLedger.Coordinator)));
        Assert.Equal(new AdminOutcome(AdminResult.Ok, false), await Run(new FreezeAccount(kim, "dispute", TestLedger.Coordinator)));

        Assert.Equal(TransferResult.DebitAccountFrozen, (await Ledger.PayAsync(kim, lee, 5)).Result);
        Assert.Equal(TransferResult.CreditAccountFrozen, (await Ledger.PayAsync(lee, kim, 5)).Result);
        Assert.Equal(AdminResult.Ok, (await Run(new UnfreezeAccount(kim, "resolved", TestLedger.Coordinator))).Result);
        Assert.Equal(TransferResult.Ok, (await Ledger.PayAsync(kim, lee, 5)).Result);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task closing_needs_a_zero_balance_and_no_holds_and_is_final()
    {
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 1);
        var lee = await Ledger.OpenMemberAsync("mapo");
        Assert.Equal(AdminResult.BalanceNotZero, (await Run(new CloseAccount(kim, "moving", TestLedger.Coordinator))).Result);
        await Ledger.PayAsync(kim, lee, 60);
        var hold = new CreateTransfer(Guid.NewGuid(), lee, kim, new Minutes(10), TransferCode.Service, "", TestLedger.Member, TimeSpan.FromHours(1));
        await Ledger.SubmitOneAsync(hold);
        Assert.Equal(AdminResult.HoldsPending, (await Run(new CloseAccount(kim, "moving", TestLedger.Coordinator))).Result);
        await Ledger.SubmitOneAsync(new VoidHold(Guid.NewGuid(), hold.Id, TestLedger.Member));

        Assert.Equal(AdminResult.Ok, (await Run(new CloseAccount(kim, "moving", TestLedger.Coordinator))).Result);
        Assert.Equal(AdminResult.AccountClosed, (await Run(new UnfreezeAccount(kim, "back", TestLedger.Coordinator))).Result);
        Assert.Equal(TransferResult.CreditAccountClosed, (await Ledger.PayAsync(lee, kim, 5)).Result);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task district_accounts_are_governed_by_the_district_not_adjusted_directly()
    {
        var issuance = WellKnownAccounts.Issuance("mapo");
        Assert.Equal(AdminResult.AccountKindNotAdjustable,
            (await Run(new ChangeAccountLimits(issuance, Minutes.FromHours(-1), Minutes.Zero, "try", TestLedger.Coordinator))).Result);
        Assert.Equal(AdminResult.AccountKindNotAdjustable, (await Run(new CloseAccount(issuance, "try", TestLedger.Coordinator))).Result);
    }
}
