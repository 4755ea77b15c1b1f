using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Districts.CreatingDistrict;
using EPoomasi.Ledger.Districts.SettingMintBudget;
using EPoomasi.Ledger.Districts.SettingTrustLimit;
using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;

namespace EPoomasi.Ledger.Tests.Districts;

public sealed class districts_mint_and_trade_across_clearing(PostgresFixture postgres) : LedgerTest(postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_cross_district_payment_posts_through_both_clearing_accounts_atomically()
    {
        await Ledger.CreateDistrictAsync("gangnam");
        await Ledger.LinkDistrictsAsync("mapo", "gangnam", trustHours: 2);
        var payer = await Ledger.OpenMemberAsync("mapo", startHours: 3);
        var payee = await Ledger.OpenMemberAsync("gangnam");

        var outcome = await Ledger.PayAsync(payer, payee, 90);

        Assert.Equal(TransferResult.Ok, outcome.Result);
        Assert.Equal(new Minutes(90), (await Ledger.AccountAsync(WellKnownAccounts.Clearing("mapo", "gangnam"))).Balance);
        Assert.Equal(new Minutes(-90), (await Ledger.AccountAsync(WellKnownAccounts.Clearing("gangnam", "mapo"))).Balance);
        Assert.Equal(2, outcome.Record!.Legs.Count);
        var mapo = (await Ledger.Reader.GetTrialBalanceAsync("mapo", CancellationToken.None))!;
        var gangnam = (await Ledger.Reader.GetTrialBalanceAsync("gangnam", CancellationToken.None))!;
        Assert.True(mapo.IsBalanced && gangnam.IsBalanced);
        Assert.Equal(new Minutes(90), mapo.ClearingPositions["gangnam"]);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_trust_limit_bounds_the_clearing_position_and_unlinked_districts_cannot_trade()
    {
        await Ledger.CreateDistrictAsync("gangnam");
        await Ledger.CreateDistrictAsync("jongno");
        await Ledger.LinkDistrictsAsync("mapo", "gangnam", trustHours: 1);
        var payer = await Ledger.OpenMemberAsync("mapo", startHours: 3);

        Assert.Equal(TransferResult.Ok, (await Ledger.PayAsync(payer, await Ledger.OpenMemberAsync("gangnam"), 60)).Result);
        Assert.Equal(TransferResult.TrustLimitExceeded, (await Ledger.PayAsync(payer, await Ledger.OpenMemberAsync("gangnam"), 1)).Result);
        Assert.Equal(TransferResult.DistrictsNotLinked, (await Ledger.PayAsync(payer, await Ledger.OpenMemberAsync("jongno"), 1)).Result);
        var lower = await Ledger.Admin.ExecuteAsync(new SetTrustLimit("mapo", "gangnam", new Minutes(30), "review", TestLedger.Coordinator), CancellationToken.None);
        Assert.Equal(AdminResult.TrustLimitBelowPosition, lower.Result);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task minting_stops_at_the_budget_and_the_budget_cannot_drop_below_what_was_issued()
    {
        var member = await Ledger.OpenMemberAsync("mapo");
        var pot = WellKnownAccounts.CommunityPot("mapo");
        Assert.Equal(AdminResult.Ok, (await Ledger.Admin.ExecuteAsync(new SetMintBudget("mapo", Minutes.FromHours(5), "pilot", TestLedger.Coordinator), CancellationToken.None)).Result);

        var mint = await Ledger.SubmitOneAsync(new CreateTransfer(Guid.NewGuid(), WellKnownAccounts.Issuance("mapo"), pot, Minutes.FromHours(4), TransferCode.Mint, "festival", TestLedger.Coordinator));
        var over = await Ledger.SubmitOneAsync(new CreateTransfer(Guid.NewGuid(), WellKnownAccounts.Issuance("mapo"), member, Minutes.FromHours(2), TransferCode.Welcome, "", TestLedger.Coordinator));
        var cut = await Ledger.Admin.ExecuteAsync(new SetMintBudget("mapo", Minutes.FromHours(3), "cut", TestLedger.Coordinator), CancellationToken.None);

        Assert.Equal((TransferResult.Ok, TransferResult.MintBudgetExceeded, AdminResult.BudgetBelowIssued), (mint.Result, over.Result, cut.Result));
        var supply = (await Ledger.Reader.GetTrialBalanceAsync("mapo", CancellationToken.None))!;
        Assert.Equal((Minutes.FromHours(4), Minutes.FromHours(1), Minutes.FromHours(4)), (supply.IssuedMinutes, supply.MintBudgetRemainingMinutes, supply.CommunityPotMinutes));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task grants_from_the_pot_never_take_it_below_zero_and_show_in_the_supply()
    {
        var member = await Ledger.OpenMemberAsync("mapo", startHours: 1);
        var pot = WellKnownAccounts.CommunityPot("mapo");
        await Ledger.PayAsync(member, pot, 40, TransferCode.Donation);

        Assert.Equal(TransferResult.ReasonRequired, (await Ledger.PayAsync(pot, member, 25, TransferCode.PotGrant)).Result);
        Assert.Equal(TransferResult.PotInsufficient, (await Ledger.PayAsync(pot, member, 41, TransferCode.PotGrant, "난방비 / heating")).Result);
        Assert.Equal(TransferResult.Ok, (await Ledger.PayAsync(pot, member, 25, TransferCode.PotGrant, "난방비 / heating")).Result);
        var supply = (await Ledger.Reader.GetTrialBalanceAsync("mapo", CancellationToken.None))!;
        Assert.Equal((new Minutes(25), new Minutes(15), new Minutes(45)), (supply.GrantedFromPotMinutes, supply.CommunityPotMinutes, supply.InCirculationMinutes));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task codes_only_touch_the_accounts_they_are_for()
    {
        var member = await Ledger.OpenMemberAsync("mapo", startHours: 1);
        var other = await Ledger.OpenMemberAsync("mapo");

        Assert.Equal(TransferResult.CodeNotAllowedForAccounts, (await Ledger.PayAsync(member, other, 5, TransferCode.Mint)).Result);
        Assert.Equal(TransferResult.CodeNotAllowedForAccounts, (await Ledger.PayAsync(member, WellKnownAccounts.Issuance("mapo"), 5)).Result);
        Assert.Equal(TransferResult.CodeReservedForReversals, (await Ledger.PayAsync(member, other, 5, TransferCode.Reversal)).Result);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task creating_a_district_twice_is_harmless_with_the_same_settings_and_refused_with_others()
    {
        var same = new CreateDistrict("mapo", "MAPO", Minutes.FromHours(-10), Minutes.FromHours(100), Minutes.FromHours(10_000), TestLedger.Coordinator);

        Assert.Equal(new AdminOutcome(AdminResult.Ok, false), await Ledger.Admin.ExecuteAsync(same, CancellationToken.None));
        Assert.Equal(AdminResult.ExistsWithDifferentFields, (await Ledger.Admin.ExecuteAsync(same with { Name = "Mapo-gu" }, CancellationToken.None)).Result);
        Assert.Equal(AdminResult.DistrictIdInvalid, (await Ledger.Admin.ExecuteAsync(same with { DistrictId = "Mapo Gu" }, CancellationToken.None)).Result);
    }
}
