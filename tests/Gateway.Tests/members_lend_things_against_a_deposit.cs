using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;
using static EPoomasi.Gateway.Tests.Trade;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// Lending through the gateway, with real identities: on handover the fee moves and the deposit is held, both or
/// neither; the return voids the deposit; a damaged thing's claim is posted in part by the borrower's consent or a
/// coordinator's ruling; and both sides hear every step on their event streams.
/// </summary>
public sealed class members_lend_things_against_a_deposit(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Parties(
        string LenderDistrict, string BorrowerDistrict, string Lender, string Borrower, LoanService.LoanServiceClient AsLender, LoanService.LoanServiceClient AsBorrower,
        ExchangeService.ExchangeServiceClient LenderExchange, ExchangeService.ExchangeServiceClient BorrowerExchange, string Listing);

    private async Task<Parties> PartiesAsync(long borrowerMinutes = 600, long fee = 30, long deposit = 120)
    {
        var (lenderDistrict, borrowerDistrict) = (await Seed.DistrictAsync(gateway), await Seed.DistrictAsync(gateway));
        await LinkAsync(gateway, lenderDistrict, borrowerDistrict);
        var lender = await Seed.MemberAsync(gateway, lenderDistrict);
        var borrower = await Seed.MemberAsync(gateway, borrowerDistrict, welcomeMinutes: borrowerMinutes);
        var (lenderToken, borrowerToken) = (GatewayFixture.Member(lenderDistrict, lender), GatewayFixture.Member(borrowerDistrict, borrower));
        var listing = (await gateway.Exchange(lenderToken).CreateListingAsync(new CreateListingRequest
        {
            RequestId = Guid.NewGuid().ToString(), OwnerAccountId = lender, Kind = ListingKind.Offer,
            Text = new ListingText
            {
                Type = ListingType.Loan, Category = ListingCategory.Goods, Title = "전동 드릴 빌려드려요", TitleEn = "Power drill to lend",
                Description = "주말 동안 써도 돼요. 비트 포함.", Minutes = fee, DepositMinutes = deposit,
            },
        }, cancellationToken: Ct)).Outcome;
        Assert.Equal(ListingResult.Created, listing.Result);
        return new Parties(lenderDistrict, borrowerDistrict, lender, borrower, gateway.Loans(lenderToken), gateway.Loans(borrowerToken),
            gateway.Exchange(lenderToken), gateway.Exchange(borrowerToken), listing.ListingId);
    }

    private static async Task<LoanOutcome> RequestAsync(Parties p, int days = 7) =>
        (await p.AsBorrower.RequestLoanAsync(new RequestLoanRequest { RequestId = Guid.NewGuid().ToString(), ListingId = p.Listing, AccountId = p.Borrower, Days = days },
            cancellationToken: Ct)).Outcome;

    private static async Task<LoanOutcome> AcceptAsync(Parties p, string loan) =>
        (await p.AsLender.AcceptLoanAsync(new AcceptLoanRequest { RequestId = Guid.NewGuid().ToString(), LoanId = loan, AccountId = p.Lender }, cancellationToken: Ct)).Outcome;

    private static async Task<LoanOutcome> HandOverAsync(Parties p, string loan) =>
        (await p.AsLender.HandOverLoanAsync(new HandOverLoanRequest { RequestId = Guid.NewGuid().ToString(), LoanId = loan, AccountId = p.Lender }, cancellationToken: Ct)).Outcome;

    private static async Task<LoanOutcome> ClaimAsync(Parties p, string loan, long minutes) =>
        (await p.AsLender.ClaimDepositAsync(new ClaimDepositRequest
        {
            RequestId = Guid.NewGuid().ToString(), LoanId = loan, AccountId = p.Lender, Minutes = minutes, Reason = "손잡이가 깨져서 왔어요 / the handle came back broken",
        }, cancellationToken: Ct)).Outcome;

    private static async Task<List<MemberEvent>> HearAsync(AsyncServerStreamingCall<WatchMemberEventsResponse> call, int count)
    {
        var events = new List<MemberEvent>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (events.Count < count && await call.ResponseStream.MoveNext(timeout.Token)) events.Add(call.ResponseStream.Current.Event);
        return events;
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_neighbour_borrows_a_drill_found_in_korean_pays_the_fee_and_gets_the_deposit_back()
    {
        var p = await PartiesAsync();
        using var lenderHears = p.LenderExchange.WatchMemberEvents(new WatchMemberEventsRequest { AccountId = p.Lender }, cancellationToken: Ct);
        await Task.Delay(500, Ct);

        var found = await p.BorrowerExchange.SearchListingsAsync(new SearchListingsRequest { Text = "드릴을", Type = ListingType.Loan, DistrictId = p.LenderDistrict }, cancellationToken: Ct);
        var asDeal = await Assert.ThrowsAsync<RpcException>(() => p.BorrowerExchange.ProposeDealAsync(new ProposeDealRequest
        {
            RequestId = Guid.NewGuid().ToString(), ListingId = p.Listing, AccountId = p.Borrower,
        }, cancellationToken: Ct).ResponseAsync);
        var requested = await RequestAsync(p, days: 3);
        var accepted = await AcceptAsync(p, requested.LoanId);
        var handOverId = Guid.NewGuid().ToString();
        var handedOver = (await p.AsLender.HandOverLoanAsync(new HandOverLoanRequest { RequestId = handOverId, LoanId = requested.LoanId, AccountId = p.Lender }, cancellationToken: Ct)).Outcome;
        var again = (await p.AsLender.HandOverLoanAsync(new HandOverLoanRequest { RequestId = handOverId, LoanId = requested.LoanId, AccountId = p.Lender }, cancellationToken: Ct)).Outcome;
        var whileOut = await AccountAsync(gateway, p.Borrower);
        var sideways = await Assert.ThrowsAsync<RpcException>(() => gateway.Ledger(GatewayFixture.Member(p.BorrowerDistrict, p.Borrower)).VoidHoldAsync(
            new VoidHoldRequest { VoidId = Guid.NewGuid().ToString(), HoldId = handedOver.Loan.HoldId }, cancellationToken: Ct).ResponseAsync);
        var borrowerReturns = (await p.AsBorrower.ReturnLoanAsync(new ReturnLoanRequest { RequestId = Guid.NewGuid().ToString(), LoanId = requested.LoanId, AccountId = p.Borrower },
            cancellationToken: Ct)).Outcome;
        var returned = (await p.AsLender.ReturnLoanAsync(new ReturnLoanRequest { RequestId = Guid.NewGuid().ToString(), LoanId = requested.LoanId, AccountId = p.Lender },
            cancellationToken: Ct)).Outcome;
        var heard = await HearAsync(lenderHears, 4);

        Assert.Equal(p.Listing, found.Listings.Single().ListingId);
        Assert.Equal((30L, 120L), (found.Listings[0].Text.Minutes, found.Listings[0].Text.DepositMinutes));
        Assert.Equal((StatusCode.FailedPrecondition, "LISTING_IS_A_LOAN"), (asDeal.StatusCode, asDeal.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason));
        Assert.Equal((LoanResult.Requested, LoanStatus.Requested, 3, 30L, 120L), (requested.Result, requested.Loan.Status, requested.Loan.Days, requested.Loan.FeeMinutes, requested.Loan.DepositMinutes));
        Assert.Equal((LoanResult.Accepted, LoanStatus.Agreed), (accepted.Result, accepted.Loan.Status));
        Assert.Equal((LoanResult.HandedOver, LoanStatus.Lent), (handedOver.Result, handedOver.Loan.Status));
        Assert.Equal(TimeSpan.FromDays(3), handedOver.Loan.DueBack.ToDateTimeOffset() - handedOver.Loan.LentAt.ToDateTimeOffset());
        Assert.Equal((LoanResult.HandedOver, true), (again.Result, again.Replayed));
        Assert.Equal((570L, 120L), (whileOut.BalanceMinutes, whileOut.PendingDebitsMinutes));
        Assert.Equal("HOLD_BELONGS_TO_A_DEAL", sideways.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>().Reason);
        Assert.Equal(LoanResult.NotYourTurn, borrowerReturns.Result);
        Assert.Equal((LoanResult.Returned, LoanStatus.Returned, 0L), (returned.Result, returned.Loan.Status, returned.Loan.KeptMinutes));
        Assert.Equal(HoldState.Voided, (await HoldAsync(gateway, handedOver.Loan.HoldId)).HoldState);
        var (borrowerAfter, lenderAfter) = (await AccountAsync(gateway, p.Borrower), await AccountAsync(gateway, p.Lender));
        Assert.Equal((570L, 0L, 30L), (borrowerAfter.BalanceMinutes, borrowerAfter.PendingDebitsMinutes, lenderAfter.BalanceMinutes));
        Assert.Equal([MemberEventKind.LoanRequested, MemberEventKind.LoanAccepted, MemberEventKind.LoanHandedOver, MemberEventKind.LoanReturned], heard.Select(e => e.Kind));
        Assert.All(heard, e => Assert.Equal((requested.LoanId, p.Lender), (e.DealId, e.AccountId)));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_damaged_thing_costs_part_of_the_deposit_by_consent_or_by_a_coordinators_ruling()
    {
        var p = await PartiesAsync();
        var stranger = await Seed.DistrictAsync(gateway);
        var agreed = (await RequestAsync(p)).LoanId;
        await AcceptAsync(p, agreed);
        var hold = (await HandOverAsync(p, agreed)).Loan.HoldId;
        var tooMuch = await ClaimAsync(p, agreed, 121);
        var claimed = await ClaimAsync(p, agreed, 50);
        var confirmed = (await p.AsBorrower.ConfirmDepositClaimAsync(new ConfirmDepositClaimRequest
        {
            RequestId = Guid.NewGuid().ToString(), LoanId = agreed, AccountId = p.Borrower,
        }, cancellationToken: Ct)).Outcome;

        var contested = (await RequestAsync(p)).LoanId;
        await AcceptAsync(p, contested);
        var contestedHold = (await HandOverAsync(p, contested)).Loan.HoldId;
        await ClaimAsync(p, contested, 120);
        var disputed = (await p.AsBorrower.DisputeLoanAsync(new DisputeLoanRequest
        {
            RequestId = Guid.NewGuid().ToString(), LoanId = contested, AccountId = p.Borrower, Reason = "원래 금이 가 있었어요 / it was cracked already",
        }, cancellationToken: Ct)).Outcome;
        ResolveLoanDisputeRequest Ruling(string district) => new()
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = district, LoanId = contested, Ruling = DisputeRuling.PostInPart, Minutes = 40, Reason = "사진을 보고 일부 / part, from the photos",
        };
        var elsewhere = (await gateway.Loans(GatewayFixture.Coordinator(stranger)).ResolveLoanDisputeAsync(Ruling(stranger), cancellationToken: Ct)).Outcome;
        var waiting = await gateway.Loans(GatewayFixture.Coordinator(p.LenderDistrict)).ListDistrictLoanDisputesAsync(
            new ListDistrictLoanDisputesRequest { DistrictId = p.LenderDistrict }, cancellationToken: Ct);
        var ruled = (await gateway.Loans(GatewayFixture.Coordinator(p.LenderDistrict)).ResolveLoanDisputeAsync(Ruling(p.LenderDistrict), cancellationToken: Ct)).Outcome;

        Assert.Equal(LoanResult.BeyondDeposit, tooMuch.Result);
        Assert.Equal((LoanResult.Claimed, 50L), (claimed.Result, claimed.Loan.ClaimedMinutes));
        Assert.Equal((LoanResult.Kept, LoanStatus.Kept, 50L), (confirmed.Result, confirmed.Loan.Status, confirmed.Loan.KeptMinutes));
        Assert.Equal((HoldState.Posted, 50L), ((await HoldAsync(gateway, hold)).HoldState, (await HoldAsync(gateway, hold)).PostedAmountMinutes));
        Assert.Equal((LoanResult.Disputed, LoanSide.Borrower), (disputed.Result, disputed.Loan.DisputedBy));
        Assert.Equal(LoanResult.OtherDistrict, elsewhere.Result);
        Assert.Equal([contested], waiting.Loans.Select(l => l.LoanId));
        Assert.Equal((LoanResult.Resolved, LoanStatus.Kept, 40L, $"coordinator:{p.LenderDistrict}"), (ruled.Result, ruled.Loan.Status, ruled.Loan.KeptMinutes, ruled.Loan.ResolvedBy));
        Assert.Equal((HoldState.Posted, 40L), ((await HoldAsync(gateway, contestedHold)).HoldState, (await HoldAsync(gateway, contestedHold)).PostedAmountMinutes));
        var (borrower, lender) = (await AccountAsync(gateway, p.Borrower), await AccountAsync(gateway, p.Lender));
        Assert.Equal((600L - 30 - 50 - 30 - 40, 0L), (borrower.BalanceMinutes, borrower.PendingDebitsMinutes));
        Assert.Equal(30L + 50 + 30 + 40, lender.BalanceMinutes);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_borrower_short_of_the_deposit_gets_nothing_handed_over_pays_no_fee_and_the_open_loan_keeps_the_lenders_account_open()
    {
        // The floor is -600: 620 minutes short of a 700-minute deposit after a 30-minute fee.
        var p = await PartiesAsync(borrowerMinutes: 0, fee: 30, deposit: 700);
        var loan = (await RequestAsync(p)).LoanId;
        await AcceptAsync(p, loan);

        var refused = await HandOverAsync(p, loan);
        var closingWhileAgreed = await gateway.Community(GatewayFixture.Coordinator(p.LenderDistrict)).CloseMemberAccountAsync(new Contracts.Community.V1.CloseMemberAccountRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = p.LenderDistrict, AccountId = p.Lender, Reason = "이사 / moved away",
        }, cancellationToken: Ct);
        var cancelled = (await p.AsBorrower.CancelLoanAsync(new CancelLoanRequest { RequestId = Guid.NewGuid().ToString(), LoanId = loan, AccountId = p.Borrower }, cancellationToken: Ct)).Outcome;
        var listed = await p.AsBorrower.ListLoansAsync(new ListLoansRequest { AccountId = p.Borrower, Side = LoanSide.Borrower }, cancellationToken: Ct);
        var hidden = await Assert.ThrowsAsync<RpcException>(() => gateway.Loans(GatewayFixture.Member(p.LenderDistrict, p.Lender))
            .GetLoanAsync(new GetLoanRequest { AccountId = p.Lender, LoanId = Guid.NewGuid().ToString() }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal((LoanResult.LedgerRefused, LoanStatus.Agreed), (refused.Result, refused.Loan.Status));
        Assert.Equal(Contracts.Community.V1.ClosingResult.OpenDeals, closingWhileAgreed.Result);
        Assert.NotEmpty(refused.LedgerRefusal);
        Assert.Equal((LoanResult.Cancelled, LoanStatus.Cancelled), (cancelled.Result, cancelled.Loan.Status));
        Assert.Equal([(loan, LoanStatus.Cancelled)], listed.Loans.Select(l => (l.LoanId, l.Status)));
        Assert.Equal(StatusCode.NotFound, hidden.StatusCode);
        var (borrower, lender) = (await AccountAsync(gateway, p.Borrower), await AccountAsync(gateway, p.Lender));
        Assert.Equal((0L, 0L, 0L), (borrower.BalanceMinutes, borrower.PendingDebitsMinutes, lender.BalanceMinutes));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task hostile_loan_requests_are_the_callers_errors_and_a_request_cannot_lend_a_thing()
    {
        var p = await PartiesAsync();
        var badDays = await Assert.ThrowsAsync<RpcException>(() => p.AsBorrower.RequestLoanAsync(
            new RequestLoanRequest { RequestId = Guid.NewGuid().ToString(), ListingId = p.Listing, AccountId = p.Borrower, Days = 61 }, cancellationToken: Ct).ResponseAsync);
        var badIds = await Assert.ThrowsAsync<RpcException>(() => p.AsLender.AcceptLoanAsync(
            new AcceptLoanRequest { RequestId = "x", LoanId = "'; drop table loans; --", AccountId = p.Lender }, cancellationToken: Ct).ResponseAsync);
        var badRuling = await Assert.ThrowsAsync<RpcException>(() => gateway.Loans(GatewayFixture.Coordinator(p.LenderDistrict)).ResolveLoanDisputeAsync(
            new ResolveLoanDisputeRequest { RequestId = Guid.NewGuid().ToString(), DistrictId = p.LenderDistrict, LoanId = Guid.NewGuid().ToString(), Ruling = (DisputeRuling)77 },
            cancellationToken: Ct).ResponseAsync);
        var asRequest = await Assert.ThrowsAsync<RpcException>(() => p.BorrowerExchange.CreateListingAsync(new CreateListingRequest
        {
            RequestId = Guid.NewGuid().ToString(), OwnerAccountId = p.Borrower, Kind = ListingKind.Request,
            Text = new ListingText { Type = ListingType.Loan, Category = ListingCategory.Goods, Title = "사다리 빌려주실 분", DepositMinutes = 10 },
        }, cancellationToken: Ct).ResponseAsync);
        var depositOnService = await Assert.ThrowsAsync<RpcException>(() => p.BorrowerExchange.CreateListingAsync(new CreateListingRequest
        {
            RequestId = Guid.NewGuid().ToString(), OwnerAccountId = p.Borrower, Kind = ListingKind.Offer,
            Text = new ListingText { Type = ListingType.Service, Category = ListingCategory.Repair, Title = "수리", DepositMinutes = 10 },
        }, cancellationToken: Ct).ResponseAsync);
        var otherPersons = await Assert.ThrowsAsync<RpcException>(() => p.AsBorrower.ListLoansAsync(
            new ListLoansRequest { AccountId = p.Lender, Side = LoanSide.Lender }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "days"), (badDays.StatusCode, badDays.FieldOf()));
        Assert.Equal(["request_id", "loan_id"], badIds.FieldsOf());
        Assert.Equal((StatusCode.InvalidArgument, "ruling"), (badRuling.StatusCode, badRuling.FieldOf()));
        Assert.Equal(StatusCode.InvalidArgument, asRequest.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, depositOnService.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, otherPersons.StatusCode);
    }
}
