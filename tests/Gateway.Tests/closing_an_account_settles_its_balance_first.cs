using EPoomasi.Contracts.Community.V1;
using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Gateway.Tests;

[Collection(ConsoleOutput.Name)]
public sealed class closing_an_account_settles_its_balance_first(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<CloseMemberAccountResponse> CloseAsync(string district, string account, string reason = "이사 / moved away") =>
        await gateway.Community(GatewayFixture.Coordinator(district)).CloseMemberAccountAsync(new CloseMemberAccountRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = district, AccountId = account, Reason = reason,
        }, cancellationToken: Ct);

    private async Task<Account> AccountAsync(string account) =>
        (await gateway.Ledger(GatewayFixture.Auditor).GetAccountAsync(new GetAccountRequest { AccountId = account }, cancellationToken: Ct)).Account;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_credit_goes_to_the_pot_and_a_debt_is_covered_from_issuance()
    {
        var district = await Seed.DistrictAsync(gateway);
        var saver = await Seed.MemberAsync(gateway, district, welcomeMinutes: 300);
        var debtor = await Seed.MemberAsync(gateway, district);
        Assert.Equal(TransferResult.Ok, (await Seed.PayAsync(gateway, GatewayFixture.Member(district, debtor), debtor, saver, 120)).Result);

        var saverClosed = await CloseAsync(district, saver);
        var debtorClosed = await CloseAsync(district, debtor);
        var again = await CloseAsync(district, saver);
        var unexplained = await CloseAsync(district, Guid.NewGuid().ToString(), reason: " ");

        Assert.Equal((ClosingResult.Closed, 420L), (saverClosed.Result, saverClosed.SettledMinutes));
        Assert.Equal((ClosingResult.Closed, -120L), (debtorClosed.Result, debtorClosed.SettledMinutes));
        Assert.Equal(ClosingResult.AlreadyClosed, again.Result);
        Assert.Equal(ClosingResult.ReasonRequired, unexplained.Result);
        Assert.Equal((AccountStatus.Closed, 0L), ((await AccountAsync(saver)).Status, (await AccountAsync(saver)).BalanceMinutes));
        Assert.Equal((AccountStatus.Closed, 0L), ((await AccountAsync(debtor)).Status, (await AccountAsync(debtor)).BalanceMinutes));
        var trial = await gateway.Ledger(GatewayFixture.Auditor).GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = district }, cancellationToken: Ct);
        Assert.Equal((420L, 420L, 0L), (trial.CommunityPotMinutes, trial.IssuedMinutes, trial.TotalMinutes));
        var statement = await gateway.Ledger(GatewayFixture.Auditor).ListStatementEntriesAsync(new ListStatementEntriesRequest { AccountId = saver }, cancellationToken: Ct);
        Assert.Equal("계정 해지 정산 / closing settlement: 이사 / moved away", statement.Entries.Last().Memo);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task an_open_deal_refuses_it_until_the_deal_ends()
    {
        var district = await Seed.DistrictAsync(gateway);
        var (provider, receiver) = (await Seed.MemberAsync(gateway, district), await Seed.MemberAsync(gateway, district, welcomeMinutes: 300));
        var asReceiver = gateway.Exchange(GatewayFixture.Member(district, receiver));
        var listing = await Trade.ListAsync(gateway.Exchange(GatewayFixture.Member(district, provider)), provider, "창문 청소", minutes: 60);
        var deal = (await Trade.ProposeAsync(asReceiver, listing, receiver)).DealId;

        var whileProposed = await CloseAsync(district, provider);
        await Trade.CancelAsync(asReceiver, deal, receiver);
        var afterwards = await CloseAsync(district, provider);

        Assert.Equal(ClosingResult.OpenDeals, whileProposed.Result);
        Assert.Equal(ClosingResult.Closed, afterwards.Result);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_pending_hold_refuses_it_with_that_reason()
    {
        var district = await Seed.DistrictAsync(gateway);
        var payer = await Seed.MemberAsync(gateway, district, welcomeMinutes: 300);
        var payee = await Seed.MemberAsync(gateway, district);
        var hold = new CreateTransfersRequest
        {
            Transfers = { new TransferToCreate { TransferId = Guid.NewGuid().ToString(), DebitAccountId = payer, CreditAccountId = payee, AmountMinutes = 60, Code = TransferCode.Service, HoldTimeoutSeconds = 3_600 } },
        };
        Assert.Equal(TransferResult.Ok, (await gateway.Ledger(GatewayFixture.Member(district, payer)).CreateTransfersAsync(hold, cancellationToken: Ct)).Outcomes.Single().Result);

        var payerClosed = await CloseAsync(district, payer);
        var payeeClosed = await CloseAsync(district, payee);
        var elsewhere = await Seed.DistrictAsync(gateway);
        var (exit, output) = await CliRun.RunAsync(gateway.GrpcAddress.ToString(), GatewayFixture.Coordinator(elsewhere), "close", payer, "--reason", "test", "--district", elsewhere);

        Assert.Equal((ClosingResult.HoldsPending, ClosingResult.HoldsPending), (payerClosed.Result, payeeClosed.Result));
        Assert.Equal((AccountStatus.Open, 300L), ((await AccountAsync(payer)).Status, (await AccountAsync(payer)).BalanceMinutes));
        Assert.Equal(1, exit);
        Assert.Contains("another district", output, StringComparison.Ordinal);
    }
}
