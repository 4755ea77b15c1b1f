using EPoomasi.Exchange.Deals;
using EPoomasi.Exchange.Listings;
using EPoomasi.Exchange.Loans;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules;

namespace EPoomasi.Exchange;

/// <summary>Deals, step by step, and the scheduler that ends them in time.</summary>
public sealed partial class ExchangeModule
{
    /// <summary>
    /// The member holding <paramref name="accountId"/> proposes a deal on someone else's open listing, for
    /// <paramref name="amount"/> (the listing's own minutes when null). Offers make the owner the provider; requests the receiver.
    /// </summary>
    /// <exception cref="ExchangeInputException">The proposal breaks a rule; the message says which.</exception>
    public async Task<DealResult> ProposeDealAsync(Guid requestId, Guid listingId, Guid accountId, Minutes? amount, Attribution by, CancellationToken cancellationToken)
    {
        var dealId = DealOf(requestId);
        if (await _deals.GetAsync(dealId.ToString(), cancellationToken) is ({ } first, _))
        {
            return await SubmitAsync(new ProposeDeal(requestId, by, dealId, accountId, first.ListingId, first.Title, first.ProviderAccountId, first.ProviderDistrictId,
                first.ReceiverAccountId, first.ReceiverDistrictId, first.Goods, first.Amount, Settings.AnswerWithin), cancellationToken);
        }

        var listing = await GetListingAsync(listingId, cancellationToken) ?? throw new ExchangeNotFoundException($"목록 {listingId}이(가) 없습니다. / No listing {listingId}.");
        if (!listing.IsOpen(_time.GetUtcNow())) throw new ExchangeRuleException("LISTING_NOT_OPEN", "이 목록은 지금 거래할 수 없습니다 (일시 중지, 철회 또는 만료). / The listing is paused, withdrawn or expired.");
        if (listing.OwnerAccountId == accountId) throw new ExchangeRuleException("OWN_LISTING", "자신의 목록에는 제안할 수 없습니다. / A member cannot propose a deal on their own listing.");
        if (listing.Type == ListingType.Loan) throw new ExchangeRuleException("LISTING_IS_A_LOAN", "빌려주는 목록입니다: 빌리기를 요청해 주세요 (LoanService). / The listing lends a thing: request a loan instead (LoanService).");
        var price = amount ?? listing.Minutes ?? throw new ExchangeInputException("시간(분)을 정해 주세요: 목록에 가격이 없습니다. / Name the minutes: the listing has no price.");
        EnsureAmount(price);
        var proposer = await MemberAccountAsync(accountId, "account_id", cancellationToken);
        var (provider, providerDistrict, receiver, receiverDistrict) = listing.Kind == ListingKind.Offer
            ? (listing.OwnerAccountId, listing.DistrictId, accountId, proposer.DistrictId)
            : (accountId, proposer.DistrictId, listing.OwnerAccountId, listing.DistrictId);
        return await SubmitAsync(new ProposeDeal(requestId, by, dealId, accountId, listingId, listing.Title, provider, providerDistrict, receiver, receiverDistrict,
            listing.Type == ListingType.Goods, price, Settings.AnswerWithin), cancellationToken);
    }

    /// <exception cref="ExchangeInputException">The amount is not positive or beyond the ledger's maximum.</exception>
    public Task<DealResult> CounterDealAsync(Guid requestId, Guid dealId, Guid accountId, Minutes amount, Attribution by, CancellationToken cancellationToken)
    {
        EnsureAmount(amount);
        return SubmitAsync(new CounterDeal(requestId, by, dealId, accountId, amount, Settings.AnswerWithin), cancellationToken);
    }

    public Task<DealResult> AcceptDealAsync(Guid requestId, Guid dealId, Guid accountId, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new AcceptDeal(requestId, by, dealId, accountId, Settings.HoldFor, Settings.WorkWithin), cancellationToken);

    public Task<DealResult> DeclineDealAsync(Guid requestId, Guid dealId, Guid accountId, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new DeclineDeal(requestId, by, dealId, accountId), cancellationToken);

    public Task<DealResult> CancelDealAsync(Guid requestId, Guid dealId, Guid accountId, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new CancelDeal(requestId, by, dealId, accountId), cancellationToken);

    /// <exception cref="ExchangeInputException">The minutes are not positive or beyond the ledger's maximum.</exception>
    public Task<DealResult> ClaimDealAsync(Guid requestId, Guid dealId, Guid accountId, Minutes minutes, Attribution by, CancellationToken cancellationToken)
    {
        EnsureAmount(minutes);
        return SubmitAsync(new ClaimDeal(requestId, by, dealId, accountId, minutes, Settings.ConfirmWithin), cancellationToken);
    }

    public Task<DealResult> ConfirmDealAsync(Guid requestId, Guid dealId, Guid accountId, bool agreeAboveHold, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new ConfirmDeal(requestId, by, dealId, accountId, agreeAboveHold), cancellationToken);

    public Task<DealResult> DisputeDealAsync(Guid requestId, Guid dealId, Guid accountId, string reason, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new DisputeDeal(requestId, by, dealId, accountId, reason ?? string.Empty), cancellationToken);

    public Task<DealResult> ResolveDisputeAsync(
        Guid requestId, Guid dealId, string districtId, DisputeRuling ruling, Minutes? minutes, string reason, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new ResolveDispute(requestId, by, dealId, districtId ?? string.Empty, ruling, minutes, reason ?? string.Empty), cancellationToken);

    /// <summary>The deal and its version, or null.</summary>
    public async Task<Deal?> GetDealAsync(Guid dealId, CancellationToken cancellationToken) =>
        await _deals.GetAsync(dealId.ToString(), cancellationToken) is ({ } deal, _) ? deal : null;

    /// <summary>A page of the deals <paramref name="accountId"/> is on as <paramref name="side"/>, in id order after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<(Guid Id, Deal Deal)>> ListDealsAsync(Guid accountId, DealSide side, string after, int pageSize, CancellationToken cancellationToken)
    {
        object matching = side == DealSide.Provider ? new { ProviderAccountId = accountId } : new { ReceiverAccountId = accountId };
        var page = await _deals.ListAsync(matching, after, Math.Clamp(pageSize, 1, MaxPageSize), cancellationToken);
        return page.Select(p => (Guid.Parse(p.Key), p.State)).ToList();
    }

    /// <summary>Most deals <see cref="ListDistrictDealsAsync"/> returns.</summary>
    public const int MaxDistrictDeals = 1_000;

    /// <summary>
    /// The district's deals in <paramref name="statuses"/> where either side is the district's, oldest first, at most
    /// <see cref="MaxDistrictDeals"/>; and whether there were more.
    /// </summary>
    public async Task<(IReadOnlyList<(Guid Id, Deal Deal)> Deals, bool Truncated)> ListDistrictDealsAsync(
        string districtId, IReadOnlyCollection<DealStatus> statuses, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, Deal>();
        foreach (var status in statuses.Distinct())
        {
            foreach (var matching in new object[] { new { Status = status, ProviderDistrictId = districtId }, new { Status = status, ReceiverDistrictId = districtId } })
            {
                var page = await _deals.ListAsync(matching, string.Empty, MaxDistrictDeals + 1, cancellationToken);
                foreach (var (key, deal) in page) found[Guid.Parse(key)] = deal;
            }
        }

        var ordered = found.OrderBy(f => f.Value.ProposedAt).ThenBy(f => f.Key).Select(f => (f.Key, f.Value)).ToList();
        return (ordered.Take(MaxDistrictDeals).ToList(), ordered.Count > MaxDistrictDeals);
    }

    /// <summary>Whether <paramref name="accountId"/> is on a deal or a loan not yet over.</summary>
    public async Task<bool> HasOpenDealsAsync(Guid accountId, CancellationToken cancellationToken) =>
        await AnyAsync(_deals, [new { ProviderAccountId = accountId }, new { ReceiverAccountId = accountId }], d => !d.IsFinal, cancellationToken)
        || await AnyAsync(_loans, [new { LenderAccountId = accountId }, new { BorrowerAccountId = accountId }], l => !l.IsFinal, cancellationToken);

    // Whether any state of the kind that contains one of the matchings is as asked, read a page at a time.
    private static async Task<bool> AnyAsync<TCommand, TState, TResult>(
        ModuleKind<TCommand, TState, TResult> kind, IReadOnlyList<object> matchings, Func<TState, bool> which, CancellationToken cancellationToken)
        where TCommand : ModuleCommand where TState : class
    {
        foreach (var matching in matchings)
        {
            var after = string.Empty;
            while (true)
            {
                var page = await kind.ListAsync(matching, after, MaxPageSize, cancellationToken);
                if (page.Any(p => which(p.State))) return true;
                if (page.Count < MaxPageSize) break;
                after = page[^1].Key;
            }
        }

        return false;
    }

    /// <summary>
    /// Acts on every deal, loan and session whose time has come: expires proposals not answered and work not claimed in
    /// time, ends disputes an hour before their hold would expire, confirms claims not confirmed or disputed in time,
    /// reminds both sides of an overdue loan and claims the deposit of one long overdue. Each step's id comes from the
    /// deal or loan and its version, so gateways running this at once do each step once. How many were acted on.
    /// </summary>
    public async Task<int> SettleDueDealsAsync(Attribution by, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var deals = await SettleDueAsync(_deals, DealDecider.Name, [DealStatus.Proposed, DealStatus.Accepted, DealStatus.Claimed, DealStatus.Disputed], d => d.DueAt, now,
            (id, key) => new SettleDueDeal(id, by, Guid.Parse(key)), r => r.Code is DealCode.Settled or DealCode.Expired ? r.Code.ToString() : null, cancellationToken);
        var loans = await SettleDueAsync(_loans, LoanDecider.Name, [LoanStatus.Requested, LoanStatus.Agreed, LoanStatus.Lent, LoanStatus.Claimed, LoanStatus.Disputed], l => l.DueAt, now,
            (id, key) => new SettleDueLoan(id, by, Guid.Parse(key), Settings.ConfirmWithin), r => r.Code is not LoanCode.NotDue ? r.Code.ToString() : null, cancellationToken);
        return deals + loans + await CancelLateSessionsAsync(by, now, cancellationToken);
    }

    // Reads the kind's states in each status a page at a time, and submits the scheduler's step for each one due, with
    // an id from its key and version, so that the step is done once however many gateways find it due. What the step came
    // to, when it acted, is counted for operators.
    private static async Task<int> SettleDueAsync<TCommand, TState, TResult, TStatus>(
        ModuleKind<TCommand, TState, TResult> kind, string name, IReadOnlyList<TStatus> statuses, Func<TState, DateTimeOffset?> dueAt, DateTimeOffset now,
        Func<Guid, string, TCommand> step, Func<TResult, string?> acted, CancellationToken cancellationToken)
        where TCommand : ModuleCommand where TState : class
    {
        const int PageSize = 500;
        var count = 0;
        foreach (var status in statuses)
        {
            var after = string.Empty;
            while (true)
            {
                var page = await kind.ListAsync(new { Status = status }, after, PageSize, cancellationToken);
                foreach (var (key, _) in page.Where(p => dueAt(p.State) <= now))
                {
                    if (await kind.GetAsync(key, cancellationToken) is not ({ } current, var version) || dueAt(current) > now) continue;
                    var outcome = await kind.SubmitAsync(step(DerivedIds.From(Guid.Parse(key), $"due@{version}"), key), cancellationToken);
                    if (acted(outcome.Result) is not { } what || outcome.Replayed) continue;
                    ExchangeTelemetry.Scheduled(name, what);
                    count++;
                }

                if (page.Count < PageSize) break;
                after = page[^1].Key;
            }
        }

        return count;
    }
}
