using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Districts;
using EPoomasi.Ledger.Districts.ChangingDefaults;
using EPoomasi.Ledger.Districts.CreatingDistrict;
using EPoomasi.Ledger.Districts.SettingMintBudget;
using EPoomasi.Ledger.Districts.SettingTrustLimit;
using static EPoomasi.Ledger.Tests.Deciders.AdminSpec;

namespace EPoomasi.Ledger.Tests.Deciders;

public sealed class administering_districts
{
    private static readonly Attribution Admin = new("administrator:choi", null, "test");

    private static CreateDistrict Mapo(long budget = 60_000) => new("mapo", "마포구", new Minutes(-600), new Minutes(6_000), new Minutes(budget), Admin);

    [Fact]
    public void a_new_district_opens_its_issuance_and_pot_accounts()
    {
        var decision = Given().When(Mapo());

        Assert.Equal<DistrictEvent>([new DistrictCreated("mapo", "마포구", new Minutes(-600), new Minutes(6_000), new Minutes(60_000), Admin, TransferSpec.Now)], decision.DistrictEvents);
        Assert.Equal<AccountEvent>(
            [
                new AccountOpened(WellKnownAccounts.Issuance("mapo"), "mapo", AccountKind.Issuance, null, new Minutes(-60_000), Minutes.Zero, Admin, TransferSpec.Now),
                new AccountOpened(WellKnownAccounts.CommunityPot("mapo"), "mapo", AccountKind.CommunityPot, null, Minutes.Zero, LedgerLimits.MaxLimitMinutes, Admin, TransferSpec.Now),
            ],
            decision.AccountEvents);
    }

    [Fact]
    public void creating_it_again_is_harmless_but_not_with_other_fields()
    {
        var spec = Given([.. Given().When(Mapo()).DistrictEvents]);

        Assert.False(spec.When(Mapo()).Changes);
        Assert.Equal(AdminResult.ExistsWithDifferentFields, spec.When(Mapo(budget: 1)).Result);
    }

    [Fact]
    public void the_budget_cannot_fall_below_what_was_already_minted()
    {
        var issuance = WellKnownAccounts.Issuance("mapo");
        var minted = new EntryPosted(issuance, Guid.NewGuid(), EntrySide.Debit, new Minutes(600), new Minutes(-600), Guid.NewGuid(),
            EPoomasi.Ledger.Transfers.TransferCode.Mint, "", Attribution.System, TransferSpec.Now);

        var decision = Given([.. District("mapo"), minted]).When(new SetMintBudget("mapo", new Minutes(599), "cut", Admin));

        Assert.Equal(AdminResult.BudgetBelowIssued, decision.Result);
    }

    [Fact]
    public void trust_between_two_districts_opens_a_clearing_account_on_each_side()
    {
        var decision = Given([.. District("mapo"), .. District("jongno")]).When(new SetTrustLimit("mapo", "jongno", new Minutes(600), "neighbours", Admin));

        Assert.Equal(2, decision.DistrictEvents.OfType<TrustLimitSet>().Count());
        Assert.Equal(
            [(WellKnownAccounts.Clearing("mapo", "jongno"), "jongno"), (WellKnownAccounts.Clearing("jongno", "mapo"), "mapo")],
            decision.AccountEvents.OfType<AccountOpened>().Select(e => (e.AccountId, e.CounterpartDistrictId!)));
    }

    [Fact]
    public void a_district_cannot_trust_itself()
    {
        Assert.Equal(AdminResult.SameDistrict, Given(District("mapo")).When(new SetTrustLimit("mapo", "mapo", new Minutes(60), "x", Admin)).Result);
    }

    [Fact]
    public void the_welcome_grant_is_kept_when_unnamed_ended_by_zero_and_changing_nothing_writes_nothing()
    {
        var created = new CreateDistrict("mapo", "마포구", new Minutes(-600), new Minutes(6_000), new Minutes(60_000), Admin, "Mapo-gu", Minutes.FromHours(5));
        DistrictEvent[] history = [.. Given().When(created).DistrictEvents];
        ChangeDistrictDefaults Defaults(Minutes? welcome, long floor = -600) => new("mapo", new Minutes(floor), new Minutes(6_000), "policy", Admin, welcome);

        var kept = Given(history).When(Defaults(null, floor: -300));
        var ended = Given(history).When(Defaults(Minutes.Zero));

        Assert.Equal(Minutes.FromHours(5), Evolved(history, kept).WelcomeGrant);
        Assert.Null(Evolved(history, ended).WelcomeGrant);
        Assert.False(Given(history).When(Defaults(Minutes.FromHours(5))).Changes);
        Assert.Equal(AdminResult.AmountInvalid, Given(history).When(Defaults(new Minutes(-1))).Result);
    }

    private static District Evolved(DistrictEvent[] history, AdminDecision decision) =>
        history.Concat(decision.DistrictEvents).Aggregate((District?)null, DistrictEvolution.Evolve)!;
}
