using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Mapping;
using EPoomasi.Ledger;
using Grpc.Core;
using Domain = EPoomasi.Exchange.Deals;

namespace EPoomasi.Gateway.Services;

/// <summary>Deals, step by step: proto → exchange module → proto.</summary>
public sealed partial class ExchangeGrpcService
{
    public override async Task<ProposeDealResponse> ProposeDeal(ProposeDealRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var requestId = violations.Id("request_id", request.RequestId);
        var listingId = violations.Id("listing_id", request.ListingId);
        var accountId = violations.Id("account_id", request.AccountId);
        if (request.AmountMinutes < 0) violations.Add("amount_minutes", "0 for the listing's own minutes, or positive.");
        violations.ThrowIfAny();
        var by = CallerAttribution.From(context);
        var result = await runtime.Exchange.ProposeDealAsync(requestId, listingId, accountId, ExchangeMapping.OptionalMinutes(request.AmountMinutes), by, context.CancellationToken);
        if (result.Code == Domain.DealCode.Proposed && !string.IsNullOrWhiteSpace(request.Message))
        {
            await runtime.Exchange.PostMessageAsync(DerivedIds(requestId), result.DealId, accountId, request.Message, by, context.CancellationToken);
        }

        return new() { Outcome = await DealAnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<CounterDealResponse> CounterDeal(CounterDealRequest request, ServerCallContext context)
    {
        var (requestId, dealId, accountId) = DealIds(request.RequestId, request.DealId, request.AccountId);
        var result = await runtime.Exchange.CounterDealAsync(requestId, dealId, accountId, new Minutes(request.AmountMinutes), CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await DealAnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<AcceptDealResponse> AcceptDeal(AcceptDealRequest request, ServerCallContext context)
    {
        var (requestId, dealId, accountId) = DealIds(request.RequestId, request.DealId, request.AccountId);
        var result = await runtime.Exchange.AcceptDealAsync(requestId, dealId, accountId, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await DealAnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<DeclineDealResponse> DeclineDeal(DeclineDealRequest request, ServerCallContext context)
    {
        var (requestId, dealId, accountId) = DealIds(request.RequestId, request.DealId, request.AccountId);
        var result = await runtime.Exchange.DeclineDealAsync(requestId, dealId, accountId, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await DealAnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<CancelDealResponse> CancelDeal(CancelDealRequest request, ServerCallContext context)
    {
        var (requestId, dealId, accountId) = DealIds(request.RequestId, request.DealId, request.AccountId);
        var result = await runtime.Exchange.CancelDealAsync(requestId, dealId, accountId, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await DealAnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<ClaimDealResponse> ClaimDeal(ClaimDealRequest request, ServerCallContext context)
    {
        var (requestId, dealId, accountId) = DealIds(request.RequestId, request.DealId, request.AccountId);
        var result = await runtime.Exchange.ClaimDealAsync(requestId, dealId, accountId, new Minutes(request.Minutes), CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await DealAnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<ConfirmDealResponse> ConfirmDeal(ConfirmDealRequest request, ServerCallContext context)
    {
        var (requestId, dealId, accountId) = DealIds(request.RequestId, request.DealId, request.AccountId);
        var result = await runtime.Exchange.ConfirmDealAsync(requestId, dealId, accountId, request.AgreeAboveHold, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await DealAnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<DisputeDealResponse> DisputeDeal(DisputeDealRequest request, ServerCallContext context)
    {
        var (requestId, dealId, accountId) = DealIds(request.RequestId, request.DealId, request.AccountId);
        var result = await runtime.Exchange.DisputeDealAsync(requestId, dealId, accountId, request.Reason, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await DealAnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<ResolveDisputeResponse> ResolveDispute(ResolveDisputeRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var requestId = violations.Id("request_id", request.RequestId);
        var dealId = violations.Id("deal_id", request.DealId);
        var ruling = ExchangeMapping.FromProto<DisputeRuling, Domain.DisputeRuling>(request.Ruling);
        if (ruling is null) violations.Add("ruling", "Required: DISPUTE_RULING_POST_IN_FULL, DISPUTE_RULING_POST_IN_PART or DISPUTE_RULING_VOID.");
        if (request.Minutes < 0) violations.Add("minutes", "Positive, for a ruling in part.");
        violations.ThrowIfAny();
        var result = await runtime.Exchange.ResolveDisputeAsync(
            requestId, dealId, request.DistrictId, ruling!.Value, ExchangeMapping.OptionalMinutes(request.Minutes), request.Reason, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await DealAnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<GetDealResponse> GetDeal(GetDealRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var accountId = violations.Id("account_id", request.AccountId);
        var dealId = violations.Id("deal_id", request.DealId);
        violations.ThrowIfAny();
        var deal = await runtime.Exchange.GetDealAsync(dealId, context.CancellationToken);
        if (deal?.SideOf(accountId) is null) throw LedgerErrors.NotFound($"Deal {dealId} of account {accountId}");
        return new() { Deal = (await NamedAsync([(dealId, deal)], context.CancellationToken))[0] };
    }

    public override async Task<ListDealsResponse> ListDeals(ListDealsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var accountId = violations.Id("account_id", request.AccountId);
        var side = ExchangeMapping.FromProto<DealSide, Domain.DealSide>(request.Side);
        if (side is null) violations.Add("side", "Required: DEAL_SIDE_PROVIDER or DEAL_SIDE_RECEIVER.");
        var size = violations.PageSize(request.PageSize, DefaultPageSize, EPoomasi.Exchange.ExchangeModule.MaxPageSize);
        var list = $"{request.AccountId}:{request.Side}";
        var after = request.PageToken.Length == 0 ? string.Empty : PageToken.Decode(request.PageToken, "d1", list);
        if (after is null) violations.Add("page_token", "Not a token this list gave; start again without one.");
        violations.ThrowIfAny();
        var page = await runtime.Exchange.ListDealsAsync(accountId, side!.Value, after!, size, context.CancellationToken);
        var response = new ListDealsResponse();
        response.Deals.AddRange(await NamedAsync(page, context.CancellationToken));
        if (page.Count == size) response.NextPageToken = PageToken.Encode("d1", list, page[^1].Id.ToString());
        return response;
    }

    public override async Task<ListDistrictDealsResponse> ListDistrictDeals(ListDistrictDealsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var open = new[] { DealStatus.Proposed, DealStatus.Accepted, DealStatus.Claimed, DealStatus.Disputed };
        if (request.Statuses.Any(s => !open.Contains(s))) violations.Add("statuses", "Only open statuses: PROPOSED, ACCEPTED, CLAIMED, DISPUTED.");
        violations.ThrowIfAny();
        var statuses = (request.Statuses.Count == 0 ? open : request.Statuses.Distinct())
            .Select(s => ExchangeMapping.FromProto<DealStatus, Domain.DealStatus>(s)!.Value).ToList();
        var (deals, truncated) = await runtime.Exchange.ListDistrictDealsAsync(request.DistrictId, statuses, context.CancellationToken);
        var response = new ListDistrictDealsResponse { Truncated = truncated };
        response.Deals.AddRange(await NamedAsync(deals, context.CancellationToken));
        response.Counts.AddRange(statuses.Select(s => new DealCount
        {
            Status = ExchangeMapping.ToProto<Domain.DealStatus, DealStatus>(s), Count = deals.Count(d => d.Deal.Status == s),
        }));
        return response;
    }

    private async Task<DealOutcome> DealAnswerAsync(Domain.DealResult result, CancellationToken cancellationToken)
    {
        var outcome = new DealOutcome
        {
            Result = ExchangeMapping.ToProto<Domain.DealCode, DealResult>(result.Code),
            Replayed = result.Replayed,
            LedgerRefusal = result.LedgerRefusal ?? string.Empty,
            DealId = result.DealId.ToString(),
        };
        if (result.Deal is { } deal) outcome.Deal = (await NamedAsync([(result.DealId, deal)], cancellationToken))[0];
        return outcome;
    }

    // Both sides by name, read in one go.
    private async Task<IReadOnlyList<Deal>> NamedAsync(IReadOnlyList<(Guid Id, Domain.Deal Deal)> deals, CancellationToken cancellationToken)
    {
        var accounts = deals.SelectMany(d => new[] { d.Deal.ProviderAccountId, d.Deal.ReceiverAccountId }).Distinct().ToList();
        var names = await runtime.Community.Members.NamesOfAccountsAsync(accounts, cancellationToken);
        return deals.Select(d => ExchangeMapping.Deal(d.Id, d.Deal, names)).ToList();
    }

    private static Guid DerivedIds(Guid requestId) => Ledger.Modules.DerivedIds.From(requestId, "opening-message");

    private static (Guid RequestId, Guid DealId, Guid AccountId) DealIds(string requestId, string dealId, string accountId)
    {
        var violations = new FieldViolations();
        var ids = (violations.Id("request_id", requestId), violations.Id("deal_id", dealId), violations.Id("account_id", accountId));
        violations.ThrowIfAny();
        return ids;
    }
}
