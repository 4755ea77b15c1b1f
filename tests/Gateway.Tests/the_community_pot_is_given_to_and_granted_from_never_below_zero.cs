using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Gateway.Tests;

[Collection(ConsoleOutput.Name)]
public sealed class the_community_pot_is_given_to_and_granted_from_never_below_zero(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task concurrent_grants_never_take_the_pot_below_zero_and_each_says_why()
    {
        var district = await Seed.DistrictAsync(gateway);
        var giver = await Seed.MemberAsync(gateway, district, welcomeMinutes: 100);
        var neighbour = await Seed.MemberAsync(gateway, district);
        var pot = (await gateway.Ledger(GatewayFixture.Auditor).ListDistrictsAsync(new ListDistrictsRequest(), cancellationToken: Ct))
            .Districts.Single(d => d.DistrictId == district).CommunityPotAccountId;

        var (gave, _) = await CliRun.RunAsync(gateway.GrpcAddress.ToString(), GatewayFixture.Member(district, giver), "donate", giver, "1h 40m");
        var coordinator = gateway.Ledger(GatewayFixture.Coordinator(district));
        var grants = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => coordinator.CreateTransfersAsync(new CreateTransfersRequest
        {
            Transfers = { new TransferToCreate { TransferId = Guid.NewGuid().ToString(), DebitAccountId = pot, CreditAccountId = neighbour, AmountMinutes = 10, Code = TransferCode.PotGrant, Memo = "난방비 / heating" } },
        }, cancellationToken: Ct).ResponseAsync));
        var unexplained = (await coordinator.CreateTransfersAsync(new CreateTransfersRequest
        {
            Transfers = { new TransferToCreate { TransferId = Guid.NewGuid().ToString(), DebitAccountId = pot, CreditAccountId = neighbour, AmountMinutes = 1, Code = TransferCode.PotGrant } },
        }, cancellationToken: Ct)).Outcomes.Single();

        Assert.Equal(0, gave);
        var results = grants.Select(g => g.Outcomes.Single().Result).ToList();
        Assert.Equal(10, results.Count(r => r == TransferResult.Ok));
        Assert.Equal(10, results.Count(r => r == TransferResult.PotInsufficient));
        Assert.Equal(TransferResult.ReasonRequired, unexplained.Result);
        var books = await gateway.Ledger(GatewayFixture.Auditor).GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = district }, cancellationToken: Ct);
        Assert.Equal((0L, 100L), (books.CommunityPotMinutes, books.GrantedFromPotMinutes));

        // The giver's statement names where the hours came from and went, by the district's accounts' roles.
        var statement = await gateway.Ledger(GatewayFixture.Member(district, giver)).ListStatementEntriesAsync(new ListStatementEntriesRequest { AccountId = giver }, cancellationToken: Ct);
        Assert.Equal([$"{district} 발행 / {district} issuance", $"{district} 공동기금 / {district} community pot"], statement.Entries.Select(e => e.CounterpartyLabel));
        var neighbours = await gateway.Ledger(GatewayFixture.Auditor).ListStatementEntriesAsync(new ListStatementEntriesRequest { AccountId = pot }, cancellationToken: Ct);
        Assert.Equal("", neighbours.Entries.First().CounterpartyLabel);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_coordinator_grants_from_the_cli_with_a_reason()
    {
        var district = await Seed.DistrictAsync(gateway);
        var giver = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var neighbour = await Seed.MemberAsync(gateway, district);
        var address = gateway.GrpcAddress.ToString();
        await CliRun.RunAsync(address, GatewayFixture.Member(district, giver), "donate", giver, "30m");

        var (granted, output) = await CliRun.RunAsync(address, GatewayFixture.Coordinator(district), "grant", neighbour, "20m", "--reason", "병원 동행 / hospital visits");
        var (missing, refusal) = await CliRun.RunAsync(address, GatewayFixture.Coordinator(district), "grant", neighbour, "20m");

        Assert.Equal((0, 2), (granted, missing));
        Assert.Contains(" ok", output, StringComparison.Ordinal);
        Assert.Contains("'--reason' is required", refusal, StringComparison.Ordinal);
        var account = await gateway.Ledger(GatewayFixture.Auditor).GetAccountAsync(new GetAccountRequest { AccountId = neighbour }, cancellationToken: Ct);
        Assert.Equal(20, account.Account.BalanceMinutes);
    }
}
