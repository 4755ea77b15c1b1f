using EPoomasi.Contracts.Community.V1;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Mapping;
using EPoomasi.Ledger;
using Grpc.Core;
using Domain = EPoomasi.Community.Minting;

namespace EPoomasi.Gateway.Services;

/// <summary>Minting with four eyes: proto → community module → proto.</summary>
public sealed partial class CommunityGrpcService
{
    public override async Task<RequestMintResponse> RequestMint(RequestMintRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var requestId = violations.Id("request_id", request.RequestId);
        var accountId = violations.Id("account_id", request.AccountId);
        violations.ThrowIfAny();
        var result = await runtime.Community.RequestMintAsync(
            requestId, request.DistrictId, accountId, new Minutes(request.AmountMinutes), request.Reason, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await MintAnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<ApproveMintResponse> ApproveMint(ApproveMintRequest request, ServerCallContext context)
    {
        var (requestId, mintId) = MintIds(request.RequestId, request.MintId);
        var result = await runtime.Community.ApproveMintAsync(requestId, request.DistrictId, mintId, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await MintAnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<DeclineMintResponse> DeclineMint(DeclineMintRequest request, ServerCallContext context)
    {
        var (requestId, mintId) = MintIds(request.RequestId, request.MintId);
        var result = await runtime.Community.DeclineMintAsync(requestId, request.DistrictId, mintId, request.Reason, CallerAttribution.From(context), context.CancellationToken);
        return new() { Outcome = await MintAnswerAsync(result, context.CancellationToken) };
    }

    public override async Task<ListAwaitingMintsResponse> ListAwaitingMints(ListAwaitingMintsRequest request, ServerCallContext context)
    {
        var (after, size) = Page(request.PageSize, request.PageToken, "m1", request.DistrictId);
        var page = await runtime.Community.ListAwaitingMintsAsync(request.DistrictId, after, size, context.CancellationToken);
        var response = new ListAwaitingMintsResponse();
        response.Mints.AddRange(await NamedAsync(page, context.CancellationToken));
        if (page.Count == size) response.NextPageToken = PageToken.Encode("m1", request.DistrictId, page[^1].Id.ToString());
        return response;
    }

    private async Task<MintOutcome> MintAnswerAsync(Domain.MintResult result, CancellationToken cancellationToken)
    {
        var outcome = new MintOutcome
        {
            Result = CommunityMapping.Result(result.Code),
            Replayed = result.Replayed,
            LedgerRefusal = result.LedgerRefusal ?? string.Empty,
            MintId = result.MintId.ToString(),
        };
        if (result.Mint is { } mint) outcome.Mint = (await NamedAsync([(result.MintId, mint)], cancellationToken))[0];
        return outcome;
    }

    // The paid accounts' holders by name, read in one go.
    private async Task<IReadOnlyList<Mint>> NamedAsync(IReadOnlyList<(Guid Id, Domain.Mint Mint)> mints, CancellationToken cancellationToken)
    {
        var names = await runtime.Community.Members.NamesOfAccountsAsync(mints.Select(m => m.Mint.AccountId).Distinct().ToList(), cancellationToken);
        return mints.Select(m => CommunityMapping.Mint(m.Id, m.Mint, names.GetValueOrDefault(m.Mint.AccountId))).ToList();
    }

    private static (Guid RequestId, Guid MintId) MintIds(string requestId, string mintId)
    {
        var violations = new FieldViolations();
        var ids = (violations.Id("request_id", requestId), violations.Id("mint_id", mintId));
        violations.ThrowIfAny();
        return ids;
    }
}
