using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Hosting;
using EPoomasi.Gateway.Mapping;
using EPoomasi.Ledger;
using Grpc.Core;
using Domain = EPoomasi.Exchange.Loans;

namespace EPoomasi.Gateway.Services;

/// <summary>Lending things, step by step: proto → exchange module → proto.</summary>
public sealed class LoanGrpcService(LedgerRuntime runtime) : LoanService.LoanServiceBase
{
    private const int DefaultPageSize = 20;

    public override async Task<RequestLoanResponse> RequestLoan(RequestLoanRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var requestId = violations.Id("request_id", request.RequestId);
        var listingId = violations.Id("listing_id", request.ListingId);
        var accountId = violations.Id("account_id", request.AccountId);
        if (request.Days is < 1 or > Domain.Loan.MaxDays) violations.Add("days", $"1 to {Domain.Loan.MaxDays}.");
        violations.ThrowIfAny();
        var result = await runtime.Exchange.RequestLoanAsync(requestId, listingId, accountId, request.Days, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await AnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<AcceptLoanResponse> AcceptLoan(AcceptLoanRequest request, ServerCallContext context)
    {
        var (requestId, loanId, accountId) = Ids(request.RequestId, request.LoanId, request.AccountId);
        var result = await runtime.Exchange.AcceptLoanAsync(requestId, loanId, accountId, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await AnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<DeclineLoanResponse> DeclineLoan(DeclineLoanRequest request, ServerCallContext context)
    {
        var (requestId, loanId, accountId) = Ids(request.RequestId, request.LoanId, request.AccountId);
        var result = await runtime.Exchange.DeclineLoanAsync(requestId, loanId, accountId, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await AnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<CancelLoanResponse> CancelLoan(CancelLoanRequest request, ServerCallContext context)
    {
        var (requestId, loanId, accountId) = Ids(request.RequestId, request.LoanId, request.AccountId);
        var result = await runtime.Exchange.CancelLoanAsync(requestId, loanId, accountId, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await AnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<HandOverLoanResponse> HandOverLoan(HandOverLoanRequest request, ServerCallContext context)
    {
        var (requestId, loanId, accountId) = Ids(request.RequestId, request.LoanId, request.AccountId);
        var result = await runtime.Exchange.HandOverLoanAsync(requestId, loanId, accountId, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await AnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<ReturnLoanResponse> ReturnLoan(ReturnLoanRequest request, ServerCallContext context)
    {
        var (requestId, loanId, accountId) = Ids(request.RequestId, request.LoanId, request.AccountId);
        var result = await runtime.Exchange.ReturnLoanAsync(requestId, loanId, accountId, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await AnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<ClaimDepositResponse> ClaimDeposit(ClaimDepositRequest request, ServerCallContext context)
    {
        var (requestId, loanId, accountId) = Ids(request.RequestId, request.LoanId, request.AccountId);
        var result = await runtime.Exchange.ClaimDepositAsync(requestId, loanId, accountId, new Minutes(request.Minutes), request.Reason, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await AnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<ConfirmDepositClaimResponse> ConfirmDepositClaim(ConfirmDepositClaimRequest request, ServerCallContext context)
    {
        var (requestId, loanId, accountId) = Ids(request.RequestId, request.LoanId, request.AccountId);
        var result = await runtime.Exchange.ConfirmDepositClaimAsync(requestId, loanId, accountId, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await AnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<DisputeLoanResponse> DisputeLoan(DisputeLoanRequest request, ServerCallContext context)
    {
        var (requestId, loanId, accountId) = Ids(request.RequestId, request.LoanId, request.AccountId);
        var result = await runtime.Exchange.DisputeLoanAsync(requestId, loanId, accountId, request.Reason, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await AnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<ResolveLoanDisputeResponse> ResolveLoanDispute(ResolveLoanDisputeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var requestId = violations.Id("request_id", request.RequestId);
        var loanId = violations.Id("loan_id", request.LoanId);
        var ruling = ExchangeMapping.FromProto<DisputeRuling, EPoomasi.Exchange.Deals.DisputeRuling>(request.Ruling);
        if (ruling is null) violations.Add("ruling", "Required: DISPUTE_RULING_POST_IN_FULL, DISPUTE_RULING_POST_IN_PART or DISPUTE_RULING_VOID.");
        if (request.Minutes < 0) violations.Add("minutes", "Positive, for a ruling in part.");
        violations.ThrowIfAny();
        var result = await runtime.Exchange.ResolveLoanDisputeAsync(
            requestId, loanId, request.DistrictId, ruling!.Value, ExchangeMapping.OptionalMinutes(request.Minutes), request.Reason, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await AnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<GetLoanResponse> GetLoan(GetLoanRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var accountId = violations.Id("account_id", request.AccountId);
        var loanId = violations.Id("loan_id", request.LoanId);
        violations.ThrowIfAny();
        var loan = await runtime.Exchange.GetLoanAsync(loanId, context.CancellationToken);
        if (loan?.SideOf(accountId) is null) throw LedgerErrors.NotFound($"Loan {loanId} of account {accountId}");
        return new() { Loan = (await NamedAsync([(loanId, loan)], context.CancellationToken))[0] };
    }

    public override async Task<ListLoansResponse> ListLoans(ListLoansRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var accountId = violations.Id("account_id", request.AccountId);
        var side = ExchangeMapping.FromProto<LoanSide, Domain.LoanSide>(request.Side);
        if (side is null) violations.Add("side", "Required: LOAN_SIDE_LENDER or LOAN_SIDE_BORROWER.");
        var size = violations.PageSize(request.PageSize, DefaultPageSize, EPoomasi.Exchange.ExchangeModule.MaxPageSize);
        var list = $"{request.AccountId}:{request.Side}";
        var after = request.PageToken.Length == 0 ? string.Empty : PageToken.Decode(request.PageToken, "l1", list);
        if (after is null) violations.Add("page_token", "Not a token this list gave; start again without one.");
        violations.ThrowIfAny();
        var page = await runtime.Exchange.ListLoansAsync(accountId, side!.Value, after!, size, context.CancellationToken);
        var response = new ListLoansResponse();
        response.Loans.AddRange(await NamedAsync(page, context.CancellationToken));
        if (page.Count == size) response.NextPageToken = PageToken.Encode("l1", list, page[^1].Id.ToString());
        return response;
    }

    public override async Task<ListDistrictLoanDisputesResponse> ListDistrictLoanDisputes(ListDistrictLoanDisputesRequest request, ServerCallContext context)
    {
        var (loans, truncated) = await runtime.Exchange.ListDistrictDisputedLoansAsync(request.DistrictId, context.CancellationToken);
        var response = new ListDistrictLoanDisputesResponse { Truncated = truncated };
        response.Loans.AddRange(await NamedAsync(loans, context.CancellationToken));
        return response;
    }

    private async Task<LoanOutcome> AnswerAsync(Domain.LoanResult result, CancellationToken cancellationToken)
    {
        var outcome = new LoanOutcome
        {
            Result = ExchangeMapping.ToProto<Domain.LoanCode, LoanResult>(result.Code),
            Replayed = result.Replayed,
            LedgerRefusal = result.LedgerRefusal ?? string.Empty,
            LoanId = result.LoanId.ToString(),
        };
        if (result.Loan is { } loan) outcome.Loan = (await NamedAsync([(result.LoanId, loan)], cancellationToken))[0];
        return outcome;
    }

    // Both sides by name, read in one go.
    private async Task<IReadOnlyList<Loan>> NamedAsync(IReadOnlyList<(Guid Id, Domain.Loan Loan)> loans, CancellationToken cancellationToken)
    {
        var accounts = loans.SelectMany(l => new[] { l.Loan.LenderAccountId, l.Loan.BorrowerAccountId }).Distinct().ToList();
        var names = await runtime.Community.Members.NamesOfAccountsAsync(accounts, cancellationToken);
        return loans.Select(l => ExchangeMapping.Loan(l.Id, l.Loan, names)).ToList();
    }

    private static (Guid RequestId, Guid LoanId, Guid AccountId) Ids(string requestId, string loanId, string accountId)
    {
        var violations = new FieldViolations();
        var ids = (violations.Id("request_id", requestId), violations.Id("loan_id", loanId), violations.Id("account_id", accountId));
        violations.ThrowIfAny();
        return ids;
    }
}
