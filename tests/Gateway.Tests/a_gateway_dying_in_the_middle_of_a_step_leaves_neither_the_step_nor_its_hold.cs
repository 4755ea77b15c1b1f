using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;
using static EPoomasi.Gateway.Tests.Trade;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// The real exchange's steps, through a second gateway whose database session dies in the middle of the step's
/// transaction — after the step locked the deal and decided its hold, before anything committed — as the database
/// sees a gateway killed at that moment. Neither the step nor its ledger effect exists afterwards; the same request,
/// sent again, does both exactly once. A deal's acceptance (its hold) and a loan's handover (its fee and deposit,
/// linked) are each cut off this way.
/// </summary>
public sealed class a_gateway_dying_in_the_middle_of_a_step_leaves_neither_the_step_nor_its_hold(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Unthrottled = ["--Limits:MemberRequestsPerSecond=100000", "--Limits:OfficialRequestsPerSecond=100000"];

    // Sends the step while another session holds the payer's row, ends the step's database session once it waits,
    // and returns the step's answer: the ledger's own retry, or the caller's, with the same request id.
    private static async Task<T> CutOffAsync<T>(GatewayFixture gateway, string payer, Func<Task<T>> send, Func<Task> whileCutOff)
    {
        await using var rowLock = await AccountRowLock.TakeAsync(gateway, payer, Ct);
        var sending = send();
        Assert.True(await rowLock.TerminateWaitersAsync(Ct) > 0, "The step never reached the payer's row.");
        await whileCutOff();
        await rowLock.ReleaseAsync(Ct);
        try
        {
            return await sending;
        }
        catch (RpcException unavailable) when (unavailable.StatusCode == StatusCode.Unavailable)
        {
            return await send();
        }
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task an_acceptance_cut_off_leaves_no_hold_and_no_accepted_deal_and_its_retry_does_both_once()
    {
        var (app, channel, _) = await gateway.StartAnotherAsync(Unthrottled);
        await using var _ = app;
        using var __ = channel;
        var district = await Seed.DistrictAsync(gateway);
        var (provider, receiver) = (await Seed.MemberAsync(gateway, district), await Seed.MemberAsync(gateway, district, welcomeMinutes: 300));
        var asProvider = new ExchangeService.ExchangeServiceClient(GatewayFixture.As(channel, GatewayFixture.Member(district, provider)));
        var asReceiver = gateway.Exchange(GatewayFixture.Member(district, receiver));
        var listing = await ListAsync(asProvider, provider, "창문 청소", minutes: 90, category: ListingCategory.Housework);
        var deal = (await ProposeAsync(asReceiver, listing, receiver)).DealId;
        var accept = new AcceptDealRequest { RequestId = Guid.NewGuid().ToString(), DealId = deal, AccountId = provider };

        var accepted = await CutOffAsync(gateway, receiver, async () => (await asProvider.AcceptDealAsync(accept, cancellationToken: Ct)).Outcome, async () =>
        {
            var meanwhile = (await asReceiver.GetDealAsync(new GetDealRequest { AccountId = receiver, DealId = deal }, cancellationToken: Ct)).Deal;
            Assert.Equal((DealStatus.Proposed, ""), (meanwhile.Status, meanwhile.HoldId));
            var looked = await gateway.Ledger(GatewayFixture.Auditor).LookupTransfersAsync(new LookupTransfersRequest { TransferIds = { HoldIdOf(deal) } }, cancellationToken: Ct);
            Assert.DoesNotContain(looked.Transfers, t => t.Result == TransferResult.Ok);
        });
        var again = (await asProvider.AcceptDealAsync(accept, cancellationToken: Ct)).Outcome;

        Assert.Equal((DealResult.Accepted, DealStatus.Accepted), (accepted.Result, accepted.Deal.Status));
        Assert.Equal((DealResult.Accepted, true), (again.Result, again.Replayed));
        var hold = await HoldAsync(gateway, accepted.Deal.HoldId);
        Assert.Equal((HoldState.Pending, 90L), (hold.HoldState, hold.AmountMinutes));
        Assert.Equal((300L, 90L), ((await AccountAsync(gateway, receiver)).BalanceMinutes, (await AccountAsync(gateway, receiver)).PendingDebitsMinutes));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_handover_cut_off_moves_no_fee_and_holds_no_deposit_and_its_retry_does_both_once()
    {
        var (app, channel, _) = await gateway.StartAnotherAsync(Unthrottled);
        await using var _ = app;
        using var __ = channel;
        var district = await Seed.DistrictAsync(gateway);
        var (lender, borrower) = (await Seed.MemberAsync(gateway, district), await Seed.MemberAsync(gateway, district, welcomeMinutes: 300));
        var lenderToken = GatewayFixture.Member(district, lender);
        var listing = (await gateway.Exchange(lenderToken).CreateListingAsync(new CreateListingRequest
        {
            RequestId = Guid.NewGuid().ToString(), OwnerAccountId = lender, Kind = ListingKind.Offer,
            Text = new ListingText { Type = ListingType.Loan, Category = ListingCategory.Goods, Title = "캠핑 텐트", Minutes = 20, DepositMinutes = 100 },
        }, cancellationToken: Ct)).Outcome.ListingId;
        var asBorrower = gateway.Loans(GatewayFixture.Member(district, borrower));
        var asLender = new LoanService.LoanServiceClient(GatewayFixture.As(channel, lenderToken));
        var loan = (await asBorrower.RequestLoanAsync(new RequestLoanRequest { RequestId = Guid.NewGuid().ToString(), ListingId = listing, AccountId = borrower, Days = 2 },
            cancellationToken: Ct)).Outcome.LoanId;
        await asLender.AcceptLoanAsync(new AcceptLoanRequest { RequestId = Guid.NewGuid().ToString(), LoanId = loan, AccountId = lender }, cancellationToken: Ct);
        var handOver = new HandOverLoanRequest { RequestId = Guid.NewGuid().ToString(), LoanId = loan, AccountId = lender };

        var handedOver = await CutOffAsync(gateway, borrower, async () => (await asLender.HandOverLoanAsync(handOver, cancellationToken: Ct)).Outcome, async () =>
        {
            var meanwhile = (await asBorrower.GetLoanAsync(new GetLoanRequest { AccountId = borrower, LoanId = loan }, cancellationToken: Ct)).Loan;
            var account = await AccountAsync(gateway, borrower);
            Assert.Equal((LoanStatus.Agreed, 300L, 0L), (meanwhile.Status, account.BalanceMinutes, account.PendingDebitsMinutes));
        });
        var again = (await asLender.HandOverLoanAsync(handOver, cancellationToken: Ct)).Outcome;

        Assert.Equal((LoanResult.HandedOver, LoanStatus.Lent), (handedOver.Result, handedOver.Loan.Status));
        Assert.Equal((LoanResult.HandedOver, true), (again.Result, again.Replayed));
        Assert.Equal((HoldState.Pending, 100L), ((await HoldAsync(gateway, handedOver.Loan.HoldId)).HoldState, (await HoldAsync(gateway, handedOver.Loan.HoldId)).AmountMinutes));
        var (borrowerNow, lenderNow) = (await AccountAsync(gateway, borrower), await AccountAsync(gateway, lender));
        Assert.Equal((280L, 100L, 20L), (borrowerNow.BalanceMinutes, borrowerNow.PendingDebitsMinutes, lenderNow.BalanceMinutes));
    }

    private static string HoldIdOf(string deal) => EPoomasi.Exchange.ExchangeModule.HoldOf(Guid.Parse(deal)).ToString();
}
