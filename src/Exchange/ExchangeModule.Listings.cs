using EPoomasi.Exchange.Listings;
using EPoomasi.Exchange.Searching;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules.Searching;

namespace EPoomasi.Exchange;

/// <summary>Listings and search.</summary>
public sealed partial class ExchangeModule
{
    /// <summary>Lists an offer or a request of the member holding <paramref name="ownerAccountId"/>. A repeat of the request id answers the first.</summary>
    /// <exception cref="ExchangeInputException">The listing breaks a rule; the message says which.</exception>
    public async Task<ListingResult> CreateListingAsync(
        Guid requestId, Guid ownerAccountId, ListingKind kind, ListingText text, DateTimeOffset? expiresAt, Attribution by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Problem() is { } problem) throw new ExchangeInputException(problem);
        if (!Enum.IsDefined(kind)) throw new ExchangeInputException("제공 또는 요청이어야 합니다. / A listing is an offer or a request.");
        if (kind != ListingKind.Offer && text.Type == ListingType.Loan) throw new ExchangeInputException(LoanOffersOnly);
        var expiry = Expiry(expiresAt);
        var owner = await MemberAccountAsync(ownerAccountId, "owner_account_id", cancellationToken);
        var listingId = ListingOf(requestId);
        return await SubmitAsync(new CreateListing(requestId, by, listingId, ownerAccountId, owner.DistrictId, kind, text, expiry, Settings.ListingByDefault), cancellationToken);
    }

    /// <exception cref="ExchangeInputException">The listing breaks a rule; the message says which.</exception>
    public async Task<ListingResult> EditListingAsync(Guid requestId, Guid listingId, Guid ownerAccountId, ListingText text, Attribution by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Problem() is { } problem) throw new ExchangeInputException(problem);
        if (text.Type == ListingType.Loan && await GetListingAsync(listingId, cancellationToken) is { Kind: not ListingKind.Offer }) throw new ExchangeInputException(LoanOffersOnly);
        return await SubmitAsync(new EditListing(requestId, by, listingId, ownerAccountId, text), cancellationToken);
    }

    private const string LoanOffersOnly = "빌려주기는 제공으로만 올립니다. / Only an offer can lend a thing.";

    /// <summary>Pauses, resumes (<see cref="ListingStatus.Active"/>) or withdraws a listing.</summary>
    public Task<ListingResult> ChangeListingStatusAsync(Guid requestId, Guid listingId, Guid ownerAccountId, ListingStatus status, Attribution by, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(status)) throw new ExchangeInputException("알 수 없는 상태입니다. / Unknown listing status.");
        return SubmitAsync(new ChangeListingStatus(requestId, by, listingId, ownerAccountId, status), cancellationToken);
    }

    /// <summary>Runs a listing again until <paramref name="expiresAt"/> (the default run when null), active.</summary>
    public Task<ListingResult> RenewListingAsync(Guid requestId, Guid listingId, Guid ownerAccountId, DateTimeOffset? expiresAt, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new RenewListing(requestId, by, listingId, ownerAccountId, Expiry(expiresAt), Settings.ListingByDefault), cancellationToken);

    /// <summary>The listing, or null.</summary>
    public async Task<Listing?> GetListingAsync(Guid listingId, CancellationToken cancellationToken) =>
        await _listings.GetAsync(listingId.ToString(), cancellationToken) is ({ } listing, _) ? listing : null;

    /// <summary>A page of the listings <paramref name="ownerAccountId"/> owns, in every status, in id order after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<(Guid Id, Listing Listing)>> ListOwnedListingsAsync(Guid ownerAccountId, string after, int pageSize, CancellationToken cancellationToken)
    {
        var page = await _listings.ListAsync(new { OwnerAccountId = ownerAccountId }, after, Math.Clamp(pageSize, 1, MaxPageSize), cancellationToken);
        return page.Select(p => (Guid.Parse(p.Key), p.State)).ToList();
    }

    /// <summary>A page of the open listings that match: by text (Korean as it is written, or English) and filters.</summary>
    /// <exception cref="ExchangeInputException">The search breaks a rule.</exception>
    public async Task<IReadOnlyList<(Guid Id, Listing Listing)>> SearchListingsAsync(ListingSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (search.Problem() is { } problem) throw new ExchangeInputException(problem);
        var query = string.IsNullOrWhiteSpace(search.Text) ? null : KoreanText.Query(search.Text);
        var order = search.Order switch
        {
            ListingOrder.Newest => SearchOrder.Recent,
            ListingOrder.ExpiringSoonest => SearchOrder.SoonestUntil,
            _ when query is null => SearchOrder.Recent,
            _ => SearchOrder.Relevance,
        };
        var found = await _listings.SearchAsync(new ModuleSearch(search.Filter(), query, _time.GetUtcNow(), order, search.Offset, search.PageSize), cancellationToken);
        return found.Select(f => (Guid.Parse(f.Key), f.State)).ToList();
    }
}
