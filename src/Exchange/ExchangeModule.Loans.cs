using EPoomasi.Exchange.Listings;
using EPoomasi.Exchange.Loans;
using EPoomasi.Exchange.Deals;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules;

namespace EPoomasi.Exchange;

/// <summary>Lending things, step by step: a loan's fee and its deposit held while the thing is out.</summary>
public sealed partial class ExchangeModule
{
    /// <summary>The loan id a request to borrow makes.</summary>
    public static Guid LoanOf(Guid requestId) => DerivedIds.From(requestId, "loan");

    /// <summary>The member holding <paramref name="accountId"/> asks to borrow the thing of someone else's open loan listing for <paramref name="days"/>.</summary>
    /// <exception cref="ExchangeInputException">The request breaks a rule; the message says which.</exception>
    public async Task<LoanResult> RequestLoanAsync(Guid requestId, Guid listingId, Guid accountId, int days, Attribution by, CancellationToken cancellationToken)
    {
        if (days is < 1 or > Loan.MaxDays) throw new ExchangeInputException($"빌리는 기간은 1~{Loan.MaxDays}일입니다. / A loan runs 1 to {Loan.MaxDays} days.");
        var loanId = LoanOf(requestId);
        if (await _loans.GetAsync(loanId.ToString(), cancellationToken) is ({ } first, _))
        {
            return await SubmitAsync(new RequestLoan(requestId, by, loanId, accountId, first.ListingId, first.Title, first.LenderAccountId, first.LenderDistrictId,
                first.BorrowerDistrictId, first.Fee, first.Deposit, first.Days, Settings.AnswerWithin), cancellationToken);
        }

        var listing = await GetListingAsync(listingId, cancellationToken) ?? throw new ExchangeNotFoundException($"목록 {listingId}이(가) 없습니다. / No listing {listingId}.");
        if (listing is not { Type: ListingType.Loan, Kind: ListingKind.Offer })
        {
            throw new ExchangeRuleException("NOT_A_LOAN", "빌려주는 목록이 아닙니다: 거래를 제안해 주세요. / The listing does not lend a thing: propose a deal instead.");
        }

        if (!listing.IsOpen(_time.GetUtcNow())) throw new ExchangeRuleException("LISTING_NOT_OPEN", "이 목록은 지금 거래할 수 없습니다 (일시 중지, 철회 또는 만료). / The listing is paused, withdrawn or expired.");
        if (listing.OwnerAccountId == accountId) throw new ExchangeRuleException("OWN_LISTING", "자신의 목록에서는 빌릴 수 없습니다. / A member cannot borrow from their own listing.");
        var borrower = await MemberAccountAsync(accountId, "account_id", cancellationToken);
        return await SubmitAsync(new RequestLoan(requestId, by, loanId, accountId, listingId, listing.Title, listing.OwnerAccountId, listing.DistrictId, borrower.DistrictId,
            listing.Minutes ?? Minutes.Zero, listing.Deposit ?? Minutes.Zero, days, Settings.AnswerWithin), cancellationToken);
    }

    public Task<LoanResult> AcceptLoanAsync(Guid requestId, Guid loanId, Guid accountId, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new AcceptLoan(requestId, by, loanId, accountId, Settings.AnswerWithin), cancellationToken);

    public Task<LoanResult> DeclineLoanAsync(Guid requestId, Guid loanId, Guid accountId, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new DeclineLoan(requestId, by, loanId, accountId), cancellationToken);

    public Task<LoanResult> CancelLoanAsync(Guid requestId, Guid loanId, Guid accountId, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new CancelLoan(requestId, by, loanId, accountId), cancellationToken);

    public Task<LoanResult> HandOverLoanAsync(Guid requestId, Guid loanId, Guid accountId, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new HandOverLoan(requestId, by, loanId, accountId, Settings.ReturnWithin), cancellationToken);

    public Task<LoanResult> ReturnLoanAsync(Guid requestId, Guid loanId, Guid accountId, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new ReturnLoan(requestId, by, loanId, accountId), cancellationToken);

    /// <exception cref="ExchangeInputException">The minutes are not positive or beyond the ledger's maximum.</exception>
    public Task<LoanResult> ClaimDepositAsync(Guid requestId, Guid loanId, Guid accountId, Minutes minutes, string reason, Attribution by, CancellationToken cancellationToken)
    {
        EnsureAmount(minutes);
        return SubmitAsync(new ClaimDeposit(requestId, by, loanId, accountId, minutes, reason ?? string.Empty, Settings.ConfirmWithin), cancellationToken);
    }

    public Task<LoanResult> ConfirmDepositClaimAsync(Guid requestId, Guid loanId, Guid accountId, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new ConfirmDepositClaim(requestId, by, loanId, accountId), cancellationToken);

    public Task<LoanResult> DisputeLoanAsync(Guid requestId, Guid loanId, Guid accountId, string reason, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new DisputeLoan(requestId, by, loanId, accountId, reason ?? string.Empty), cancellationToken);

    public Task<LoanResult> ResolveLoanDisputeAsync(
        Guid requestId, Guid loanId, string districtId, DisputeRuling ruling, Minutes? minutes, string reason, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new ResolveLoanDispute(requestId, by, loanId, districtId ?? string.Empty, ruling, minutes, reason ?? string.Empty), cancellationToken);

    /// <summary>The loan, or null.</summary>
    public async Task<Loan?> GetLoanAsync(Guid loanId, CancellationToken cancellationToken) =>
        await _loans.GetAsync(loanId.ToString(), cancellationToken) is ({ } loan, _) ? loan : null;

    /// <summary>A page of the loans <paramref name="accountId"/> is on as <paramref name="side"/>, in id order after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<(Guid Id, Loan Loan)>> ListLoansAsync(Guid accountId, LoanSide side, string after, int pageSize, CancellationToken cancellationToken)
    {
        object matching = side == LoanSide.Lender ? new { LenderAccountId = accountId } : new { BorrowerAccountId = accountId };
        var page = await _loans.ListAsync(matching, after, Math.Clamp(pageSize, 1, MaxPageSize), cancellationToken);
        return page.Select(p => (Guid.Parse(p.Key), p.State)).ToList();
    }

    /// <summary>The district's disputed loans, where either side is the district's, oldest first, at most <see cref="MaxDistrictDeals"/>; and whether there were more.</summary>
    public async Task<(IReadOnlyList<(Guid Id, Loan Loan)> Loans, bool Truncated)> ListDistrictDisputedLoansAsync(string districtId, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, Loan>();
        foreach (var matching in new object[] { new { Status = LoanStatus.Disputed, LenderDistrictId = districtId }, new { Status = LoanStatus.Disputed, BorrowerDistrictId = districtId } })
        {
            foreach (var (key, loan) in await _loans.ListAsync(matching, string.Empty, MaxDistrictDeals + 1, cancellationToken)) found[Guid.Parse(key)] = loan;
        }

        var ordered = found.OrderBy(f => f.Value.RequestedAt).ThenBy(f => f.Key).Select(f => (f.Key, f.Value)).ToList();
        return (ordered.Take(MaxDistrictDeals).ToList(), ordered.Count > MaxDistrictDeals);
    }

    private async Task<LoanResult> SubmitAsync(LoanCommand command, CancellationToken cancellationToken)
    {
        var outcome = await _loans.SubmitAsync(command, cancellationToken);
        return outcome.Result with { Replayed = outcome.Replayed, LoanId = command.LoanId };
    }
}
