using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Gateway.Tests;

public sealed class a_budget_holds_against_concurrent_mints_from_two_coordinators(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task two_appointed_coordinators_minting_at_once_never_pass_the_budget()
    {
        var district = await Seed.DistrictAsync(gateway);
        var city = gateway.Administration(GatewayFixture.Administrator);
        await city.SetMintBudgetAsync(new SetMintBudgetRequest { DistrictId = district, MintBudgetMinutes = 600, Reason = "시범 / pilot" }, cancellationToken: Ct);
        var second = await Seed.CoordinatorAsync(gateway, district, "coordinator:second");
        var member = await Seed.MemberAsync(gateway, district);
        var issuance = (await gateway.Ledger(GatewayFixture.Auditor).ListDistrictsAsync(new ListDistrictsRequest(), cancellationToken: Ct))
            .Districts.Single(d => d.DistrictId == district).IssuanceAccountId;

        // Forty mints of 30 minutes, half from each coordinator, all at once: 1,200 asked of a budget of 600.
        var mints = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => gateway.Ledger(i % 2 == 0 ? GatewayFixture.Coordinator(district) : second).CreateTransfersAsync(
            new CreateTransfersRequest
            {
                Transfers = { new TransferToCreate { TransferId = Guid.NewGuid().ToString(), DebitAccountId = issuance, CreditAccountId = member, AmountMinutes = 30, Code = TransferCode.Mint, Memo = "마을 청소 / clean-up" } },
            }, cancellationToken: Ct).ResponseAsync));

        var results = mints.Select(m => m.Outcomes.Single().Result).ToList();
        Assert.Equal(20, results.Count(r => r == TransferResult.Ok));
        Assert.Equal(20, results.Count(r => r == TransferResult.MintBudgetExceeded));
        var books = await gateway.Ledger(GatewayFixture.Auditor).GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = district }, cancellationToken: Ct);
        Assert.Equal((600L, 0L, 0L), (books.IssuedMinutes, books.MintBudgetRemainingMinutes, books.TotalMinutes));
    }
}
