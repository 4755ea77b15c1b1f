using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Hosting;
using EPoomasi.Gateway.Mapping;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Domain = EPoomasi.Exchange;

namespace EPoomasi.Gateway.Services;

/// <summary>Listings and search: proto → exchange module → proto. Deals and their threads are in the other parts.</summary>
public sealed partial class ExchangeGrpcService(LedgerRuntime runtime, Feed.MemberEventFeed feed) : ExchangeService.ExchangeServiceBase
{
    private const int DefaultPageSize = 20;

    public override async Task<CreateListingResponse> CreateListing(CreateListingRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var requestId = violations.Id("request_id", request.RequestId);
        var owner = violations.Id("owner_account_id", request.OwnerAccountId);
        var kind = ExchangeMapping.FromProto<ListingKind, Domain.Listings.ListingKind>(request.Kind);
        if (kind is null) violations.Add("kind", "Required: LISTING_KIND_OFFER or LISTING_KIND_REQUEST.");
        var text = Text(violations, request.Text);
        var expiresAt = Optional(violations, "expires_at", request.ExpiresAt);
        violations.ThrowIfAny();
        var result = await runtime.Exchange.CreateListingAsync(requestId, owner, kind!.Value, text!, expiresAt, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await ListingAnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<EditListingResponse> EditListing(EditListingRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (requestId, listingId, owner) = ListingIds(violations, request.RequestId, request.ListingId, request.OwnerAccountId);
        var text = Text(violations, request.Text);
        violations.ThrowIfAny();
        var result = await runtime.Exchange.EditListingAsync(requestId, listingId, owner, text!, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await ListingAnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<SetListingStatusResponse> SetListingStatus(SetListingStatusRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (requestId, listingId, owner) = ListingIds(violations, request.RequestId, request.ListingId, request.OwnerAccountId);
        var status = ExchangeMapping.FromProto<ListingStatus, Domain.Listings.ListingStatus>(request.Status);
        if (status is null) violations.Add("status", "Required: LISTING_STATUS_ACTIVE, LISTING_STATUS_PAUSED or LISTING_STATUS_WITHDRAWN.");
        violations.ThrowIfAny();
        var result = await runtime.Exchange.ChangeListingStatusAsync(requestId, listingId, owner, status!.Value, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await ListingAnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<RenewListingResponse> RenewListing(RenewListingRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var (requestId, listingId, owner) = ListingIds(violations, request.RequestId, request.ListingId, request.OwnerAccountId);
        var expiresAt = Optional(violations, "expires_at", request.ExpiresAt);
        violations.ThrowIfAny();
        var result = await runtime.Exchange.RenewListingAsync(requestId, listingId, owner, expiresAt, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await ListingAnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<GetListingResponse> GetListing(GetListingRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var listingId = violations.Id("listing_id", request.ListingId);
        violations.ThrowIfAny();
        var listing = await runtime.Exchange.GetListingAsync(listingId, context.CancellationToken) ?? throw LedgerErrors.NotFound($"Listing {listingId}");
        var feedback = await runtime.Exchange.Feedback.SummaryAsync(listing.OwnerAccountId, context.CancellationToken);
        return new()
        {
            Listing = (await NamedAsync([(listingId, listing)], context.CancellationToken))[0],
            OwnerFeedback = ExchangeMapping.Feedback(feedback),
        };
    }

    public override async Task<SearchListingsResponse> SearchListings(SearchListingsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var category = Filter<ListingCategory, Domain.Listings.ListingCategory>(violations, "category", request.Category);
        var kind = Filter<ListingKind, Domain.Listings.ListingKind>(violations, "kind", request.Kind);
        var type = Filter<ListingType, Domain.Listings.ListingType>(violations, "type", request.Type);
        var order = request.Order switch
        {
            ListingOrder.Unspecified => Domain.Searching.ListingOrder.Relevance,
            ListingOrder.Newest => Domain.Searching.ListingOrder.Newest,
            ListingOrder.ExpiringSoonest => Domain.Searching.ListingOrder.ExpiringSoonest,
            _ => (Domain.Searching.ListingOrder?)null,
        };
        if (order is null) violations.Add("order", "Unknown order.");
        var size = violations.PageSize(request.PageSize, DefaultPageSize, Domain.ExchangeModule.MaxPageSize);
        // The token remembers the search it continues, so a page of one search cannot be read as another's.
        var list = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join('|', request.Text, request.Category, request.DistrictId, request.Kind, request.Type, request.Order))))[..16];
        var offset = 0;
        if (request.PageToken.Length > 0 && (PageToken.Decode(request.PageToken, "s1", list) is not { } position || !int.TryParse(position, out offset)))
        {
            violations.Add("page_token", "Not a token this search gave; start again without one.");
        }

        violations.ThrowIfAny();
        var search = new Domain.Searching.ListingSearch(request.Text, category, request.DistrictId, kind, type, order!.Value, offset, size);
        var found = await runtime.Exchange.SearchListingsAsync(search, context.CancellationToken);
        var response = new SearchListingsResponse();
        response.Listings.AddRange(await NamedAsync(found, context.CancellationToken));
        if (search.HasMoreAfter(found.Count)) response.NextPageToken = PageToken.Encode("s1", list, (offset + size).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    public override async Task<ListOwnedListingsResponse> ListOwnedListings(ListOwnedListingsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var owner = violations.Id("owner_account_id", request.OwnerAccountId);
        var size = violations.PageSize(request.PageSize, DefaultPageSize, EPoomasi.Exchange.ExchangeModule.MaxPageSize);
        var after = request.PageToken.Length == 0 ? string.Empty : PageToken.Decode(request.PageToken, "o1", request.OwnerAccountId);
        if (after is null) violations.Add("page_token", "Not a token this list gave; start again without one.");
        violations.ThrowIfAny();
        var page = await runtime.Exchange.ListOwnedListingsAsync(owner, after!, size, context.CancellationToken);
        var response = new ListOwnedListingsResponse();
        response.Listings.AddRange(await NamedAsync(page, context.CancellationToken));
        if (page.Count == size) response.NextPageToken = PageToken.Encode("o1", request.OwnerAccountId, page[^1].Id.ToString());
        return response;
    }

    private async Task<ListingOutcome> ListingAnswerAsync(Domain.Listings.ListingResult result, CancellationToken cancellationToken)
    {
        var outcome = new ListingOutcome
        {
            Result = ExchangeMapping.ToProto<Domain.Listings.ListingCode, ListingResult>(result.Code),
            Replayed = result.Replayed,
            ListingId = result.ListingId.ToString(),
        };
        if (result.Listing is { } listing) outcome.Listing = (await NamedAsync([(result.ListingId, listing)], cancellationToken))[0];
        return outcome;
    }

    // The owners by name, read in one go.
    private async Task<IReadOnlyList<Listing>> NamedAsync(IReadOnlyList<(Guid Id, Domain.Listings.Listing Listing)> listings, CancellationToken cancellationToken)
    {
        var names = await runtime.Community.Members.NamesOfAccountsAsync(listings.Select(l => l.Listing.OwnerAccountId).Distinct().ToList(), cancellationToken);
        return listings.Select(l => ExchangeMapping.Listing(l.Id, l.Listing, names.GetValueOrDefault(l.Listing.OwnerAccountId))).ToList();
    }

    private static Domain.Listings.ListingText? Text(FieldViolations violations, ListingText? text)
    {
        if (text is null)
        {
            violations.Add("text", "Required: the listing's type, category, title and description.");
            return null;
        }

        var type = ExchangeMapping.FromProto<ListingType, Domain.Listings.ListingType>(text.Type);
        var category = ExchangeMapping.FromProto<ListingCategory, Domain.Listings.ListingCategory>(text.Category);
        if (type is null) violations.Add("text.type", "Required: LISTING_TYPE_SERVICE, LISTING_TYPE_GOODS or LISTING_TYPE_LOAN.");
        if (category is null) violations.Add("text.category", "Required: one of the LISTING_CATEGORY values.");
        if (text.Minutes < 0) violations.Add("text.minutes", "Minutes are 0 (not said) or positive.");
        if (text.DepositMinutes < 0) violations.Add("text.deposit_minutes", "A deposit is 0 (none) or positive.");
        if (type is null || category is null) return null;
        return new Domain.Listings.ListingText(type.Value, category.Value, text.Title, text.Description, Blank(text.TitleEn), Blank(text.DescriptionEn), Blank(text.Availability),
            ExchangeMapping.OptionalMinutes(text.Minutes), ExchangeMapping.OptionalMinutes(text.DepositMinutes));
    }

    private static TDomain? Filter<TProto, TDomain>(FieldViolations violations, string field, TProto value) where TProto : struct, System.Enum where TDomain : struct, System.Enum
    {
        if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0) return null;
        var mapped = ExchangeMapping.FromProto<TProto, TDomain>(value);
        if (mapped is null) violations.Add(field, "Unknown value.");
        return mapped;
    }

    private static DateTimeOffset? Optional(FieldViolations violations, string field, Timestamp? value)
    {
        if (value is null) return null;
        if (value.Nanos is < 0 or > 999_999_999 || value.Seconds < 0 || value.Seconds > 253_402_300_799)
        {
            violations.Add(field, "Not a valid instant.");
            return null;
        }

        return value.ToDateTimeOffset();
    }

    private static (Guid RequestId, Guid ListingId, Guid Owner) ListingIds(FieldViolations violations, string requestId, string listingId, string owner) =>
        (violations.Id("request_id", requestId), violations.Id("listing_id", listingId), violations.Id("owner_account_id", owner));

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
