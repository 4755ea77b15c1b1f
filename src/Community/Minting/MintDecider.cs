using System.Text.Json;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.VoidingHold;

namespace EPoomasi.Community.Minting;

/// <summary>
/// Decides mints on the ledger's write path. A mint above the district's threshold is a hold on issuance
/// placed with the request, so the budget counts it at once; a second, different coordinator's approval
/// posts the hold in the same transaction as the approval, and a decline voids it.
/// </summary>
internal sealed class MintDecider : ModuleDecider<MintCommand, Mint, MintEvent, MintResult>
{
    public const string Name = "community.mint";

    public override string Kind => Name;

    protected override JsonSerializerOptions Json => CommunityJson.Options;

    public static Guid TransferOf(Guid mintId) => DerivedIds.From(mintId, "mint");

    private static Guid PostOf(Guid mintId) => DerivedIds.From(mintId, "approval");

    private static Guid VoidOf(Guid mintId) => DerivedIds.From(mintId, "decline");

    public override IReadOnlyList<TransferCommand> Transfers(MintCommand command, Mint? state, DateTimeOffset now)
    {
        if (Refusal(command, state) is not null) return [];
        return command switch
        {
            RequestMint request => [new CreateTransfer(TransferOf(request.MintId), request.IssuanceAccountId, request.AccountId, request.Amount, TransferCode.Mint,
                request.Reason.Trim(), request.By, AwaitsApproval(request) ? request.WaitAtMost : null)],
            ApproveMint approve => [new PostHold(PostOf(approve.MintId), state!.TransferId, null, approve.By)],
            DeclineMint decline => [new VoidHold(VoidOf(decline.MintId), state!.TransferId, decline.By)],
            _ => [],
        };
    }

    public override ModuleDecision<MintEvent, MintResult> Decide(MintCommand command, Mint? state, IReadOnlyList<TransferOutcome> transfers, DateTimeOffset now)
    {
        if (Refusal(command, state) is { } refusal) return new(new MintResult(refusal, state), []);
        var by = command.By.ActorId;
        var moved = transfers[0];
        return command switch
        {
            RequestMint when !moved.IsOk => new(new MintResult(MintCode.LedgerRefused, null, moved.Result.ToString()), []),
            RequestMint request => Accept(state, new MintRequested(request.DistrictId, request.AccountId, request.Amount, request.Reason.Trim(), moved.Id, AwaitsApproval(request), by, now),
                AwaitsApproval(request) ? MintCode.AwaitingApproval : MintCode.Minted),
            // A hold that expired cannot be posted or voided: the mint is over, and says so.
            ApproveMint or DeclineMint when moved.Result is TransferResult.HoldExpired => Accept(state, new MintExpired(by, now), MintCode.Expired),
            ApproveMint or DeclineMint when !moved.IsOk => new(new MintResult(MintCode.LedgerRefused, state, moved.Result.ToString()), []),
            ApproveMint => Accept(state, new MintApproved(by, now), MintCode.Approved),
            DeclineMint decline => Accept(state, new MintDeclined(decline.Reason.Trim(), by, now), MintCode.Declined),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command)),
        };
    }

    public override Mint Evolve(Mint? state, MintEvent change) => (state, change) switch
    {
        (null, MintRequested requested) => new Mint(requested.DistrictId, requested.AccountId, requested.Amount, requested.Reason, requested.By, requested.At,
            requested.AwaitsApproval ? MintStatus.AwaitingApproval : MintStatus.Minted, requested.TransferId),
        ({ } mint, MintApproved approved) => mint with { Status = MintStatus.Minted, ApprovedBy = approved.By },
        ({ } mint, MintDeclined declined) => mint with { Status = MintStatus.Declined, DeclinedBy = declined.By, DeclineReason = declined.Reason },
        ({ } mint, MintExpired) => mint with { Status = MintStatus.Expired },
        _ => throw new InvalidOperationException($"{change.GetType().Name} cannot follow {state?.Status.ToString() ?? "nothing"}."),
    };

    private ModuleDecision<MintEvent, MintResult> Accept(Mint? state, MintEvent change, MintCode code) =>
        new(new MintResult(code, Evolve(state, change)), [change]);

    private static bool AwaitsApproval(RequestMint request) => request.ApprovalAbove is { } above && request.Amount > above;

    private static MintCode? Refusal(MintCommand command, Mint? state) => (command, state) switch
    {
        (RequestMint, not null) => MintCode.AlreadyRequested,
        (RequestMint request, null) when !IsReason(request.Reason) => MintCode.ReasonRequired,
        (RequestMint, null) => null,
        (_, null) => MintCode.NotFound,
        (_, { } mint) when mint.DistrictId != command.DistrictId => MintCode.OtherDistrict,
        (_, { Status: not MintStatus.AwaitingApproval }) => MintCode.NotAwaiting,
        (ApproveMint approve, { } mint) when approve.By.ActorId == mint.RequestedBy => MintCode.OwnRequest,
        (DeclineMint decline, _) when !IsReason(decline.Reason) => MintCode.ReasonRequired,
        _ => null,
    };

    private static bool IsReason(string reason) => !string.IsNullOrWhiteSpace(reason) && reason.Length <= LedgerLimits.ReasonMaxLength;
}
