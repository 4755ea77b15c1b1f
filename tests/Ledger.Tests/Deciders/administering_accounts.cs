using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Accounts.ChangingLimits;
using EPoomasi.Ledger.Accounts.ClosingAccount;
using EPoomasi.Ledger.Accounts.FreezingAccount;
using EPoomasi.Ledger.Accounts.OpeningAccount;
using EPoomasi.Ledger.Administration;
using static EPoomasi.Ledger.Tests.Deciders.AdminSpec;

namespace EPoomasi.Ledger.Tests.Deciders;

public sealed class administering_accounts
{
    private static readonly Guid Kim = Guid.NewGuid();
    private static readonly Attribution Park = new("coordinator:park", null, "test");

    [Fact]
    public void a_member_account_opens_with_its_districts_limits()
    {
        var decision = Given(District("mapo", floor: -300, cap: 3_000)).When(new OpenAccount(Kim, "mapo", Park));

        Assert.Equal(AdminResult.Ok, decision.Result);
        Assert.Equal<AccountEvent>([new AccountOpened(Kim, "mapo", AccountKind.Member, null, new Minutes(-300), new Minutes(3_000), Park, TransferSpec.Now)], decision.AccountEvents);
    }

    [Fact]
    public void opening_in_a_district_that_does_not_exist_is_refused()
    {
        Assert.Equal(AdminResult.DistrictNotFound, Given().When(new OpenAccount(Kim, "mapo", Park)).Result);
    }

    [Fact]
    public void opening_again_with_the_same_fields_changes_nothing()
    {
        var decision = Given([.. District("mapo"), TransferSpec.Member(Kim)]).When(new OpenAccount(Kim, "mapo", Park));

        Assert.Equal(AdminResult.Ok, decision.Result);
        Assert.False(decision.Changes);
    }

    [Fact]
    public void limits_that_would_exclude_the_current_balance_are_refused()
    {
        var decision = Given([.. District("mapo"), TransferSpec.Member(Kim), TransferSpec.Credited(Kim, 120, 120)])
            .When(new ChangeAccountLimits(Kim, new Minutes(-60), new Minutes(100), "new rules", Park));

        Assert.Equal(AdminResult.LimitsExcludeCurrentBalance, decision.Result);
        Assert.Empty(decision.AccountEvents);
    }

    [Fact]
    public void new_limits_are_an_event_with_their_reason()
    {
        var decision = Given([.. District("mapo"), TransferSpec.Member(Kim)]).When(new ChangeAccountLimits(Kim, new Minutes(-60), new Minutes(100), "trial month", Park));

        Assert.Equal<AccountEvent>([new AccountLimitsChanged(Kim, new Minutes(-60), new Minutes(100), "trial month", Park, TransferSpec.Now)], decision.AccountEvents);
    }

    [Fact]
    public void freezing_needs_a_reason_and_a_frozen_account_stays_frozen_without_a_new_event()
    {
        var spec = Given([.. District("mapo"), TransferSpec.Member(Kim), new AccountFrozen(Kim, "lost phone", Park, TransferSpec.Now)]);

        Assert.Equal(AdminResult.ReasonRequired, Given([.. District("mapo"), TransferSpec.Member(Kim)]).When(new FreezeAccount(Kim, "", Park)).Result);
        Assert.False(spec.When(new FreezeAccount(Kim, "again", Park)).Changes);
    }

    [Fact]
    public void an_account_closes_only_at_zero_with_nothing_pending()
    {
        var withBalance = Given([.. District("mapo"), TransferSpec.Member(Kim), TransferSpec.Credited(Kim, 5, 5)]).When(new CloseAccount(Kim, "moved away", Park));
        var atZero = Given([.. District("mapo"), TransferSpec.Member(Kim)]).When(new CloseAccount(Kim, "moved away", Park));

        Assert.Equal(AdminResult.BalanceNotZero, withBalance.Result);
        Assert.Equal<AccountEvent>([new AccountClosed(Kim, "moved away", Park, TransferSpec.Now)], atZero.AccountEvents);
    }
}
