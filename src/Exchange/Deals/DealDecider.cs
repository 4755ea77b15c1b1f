using System.Text.Json;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.VoidingHold;

namespace EPoomasi.Exchange.Deals;

/// <summary>
/// Decides deal steps on the ledger's write path, each with its ledger effect in the same transaction: acceptance
/// places the hold, confirmation and rulings post it, cancellation, declines of a ruling and expiry void it. A step
/// the ledger refuses changes nothing. A hold the ledger expired first ends the deal as expired, as the hold did.
/// </summary>
internal sealed class DealDecider : ModuleDecider<DealCommand, Deal, DealEvent, DealResult>
{
    public const string Name = "exchange.deal";

    public override string Kind => Name;

    protected override JsonSerializerOptions Json => ExchangeJson.Options;

    public static Guid HoldOf(Guid dealId) => DerivedIds.From(dealId, "hold");

    internal static Guid PostOf(Guid dealId) => DerivedIds.From(dealId, "post");

    internal static Guid AboveOf(Guid dealId) => DerivedIds.From(dealId, "above-hold");

    internal static Guid VoidOf(Guid dealId) => DerivedIds.From(dealId, "void");

    public override IReadOnlyList<TransferCommand> Transfers(DealCommand command, Deal? state, DateTimeOffset now)
    {
        if (Refusal(command, state, now) is not null || state is null) return [];
        return command switch
        {
            AcceptDeal accept when !AnswerTooLate(state, now) => [new CreateTransfer(HoldOf(command.DealId), state.ReceiverAccountId, state.ProviderAccountId, state.Amount,
                Code(state), Memo(state), accept.By, accept.HoldFor, command.DealId)],
            CancelDeal when state.Status == DealStatus.Accepted => [Void(command, state)],
            ConfirmDeal when state.Claimed!.Value > state.Amount => [
                new PostHold(PostOf(command.DealId), state.HoldId!.Value, null, command.By, Linked: true),
                new CreateTransfer(AboveOf(command.DealId), state.ReceiverAccountId, state.ProviderAccountId, state.Claimed.Value - state.Amount,
                    Code(state), Memo(state), command.By, null, command.DealId)],
            ConfirmDeal => [Post(command, state, state.Claimed!.Value)],
            ResolveDispute { Ruling: DisputeRuling.PostInFull } => [Post(command, state, state.Amount)],
            ResolveDispute { Ruling: DisputeRuling.PostInPart } resolve => [Post(command, state, resolve.Minutes!.Value)],
            ResolveDispute => [Void(command, state)],
            SettleDueDeal when state.Status == DealStatus.Claimed => [Post(command, state, Min(state.Claimed!.Value, state.Amount))],
            SettleDueDeal when state.Status is DealStatus.Accepted or DealStatus.Disputed => [Void(command, state)],
            _ => [],
        };
    }

    public override ModuleDecision<DealEvent, DealResult> Decide(DealCommand command, Deal? state, IReadOnlyList<TransferOutcome> transfers, DateTimeOffset now)
    {
        if (Refusal(command, state, now) is { } refusal) return new(new DealResult(refusal, state), []);
        var by = command.By.ActorId;
        if (transfers.Any(t => t.Result == TransferResult.HoldExpired)) return Accept(state, new DealExpired(null, "보류가 만료됨 / the hold expired", by, now), DealCode.Expired);
        if (transfers.FirstOrDefault(t => !t.IsOk && t.Result != TransferResult.LinkedEventFailed) is { } refused)
        {
            return new(new DealResult(DealCode.LedgerRefused, state, refused.Result.ToString()), []);
        }

        if (state is not null && state.Status == DealStatus.Proposed && command is CounterDeal or AcceptDeal or DeclineDeal && AnswerTooLate(state, now))
        {
            return Accept(state, new DealExpired(null, null, by, now), DealCode.Expired);
        }

        return command switch
        {
            ProposeDeal p => Accept(null, new DealProposed(p.ListingId, p.Title, p.ProviderAccountId, p.ProviderDistrictId, p.ReceiverAccountId, p.ReceiverDistrictId, p.Goods,
                p.Amount, Other(SideOf(p, p.AccountId)!.Value), now + p.AnswerWithin, by, now), DealCode.Proposed),
            CounterDeal c => Accept(state, new DealCountered(c.Amount, Other(state!.Awaiting), now + c.AnswerWithin, by, now), DealCode.Countered),
            AcceptDeal a => Accept(state, new DealAccepted(transfers[0].Id, now + a.HoldFor, now + a.WorkWithin, by, now), DealCode.Accepted),
            DeclineDeal => Accept(state, new DealDeclined(by, now), DealCode.Declined),
            CancelDeal c => Accept(state, new DealCancelled(state!.SideOf(c.AccountId)!.Value, by, now), DealCode.Cancelled),
            ClaimDeal c => Accept(state, new DealClaimed(c.Minutes, Earliest(now + c.ConfirmWithin, state!.HoldExpiresAt!.Value - Deal.SafetyMargin), by, now), DealCode.Claimed),
            ConfirmDeal => Accept(state, new DealSettled(state!.Claimed!.Value, false, null, null, by, now), DealCode.Settled),
            DisputeDeal d => Accept(state, new DealDisputed(state!.SideOf(d.AccountId)!.Value, d.Reason.Trim(), by, now), DealCode.Disputed),
            ResolveDispute { Ruling: DisputeRuling.Void } r => Accept(state, new DealExpired(r.Ruling, r.Reason.Trim(), by, now), DealCode.Resolved),
            ResolveDispute r => Accept(state, new DealSettled(r.Ruling == DisputeRuling.PostInFull ? state!.Amount : r.Minutes!.Value, false, r.Ruling, r.Reason.Trim(), by, now),
                DealCode.Resolved),
            NoteMessage n => Accept(state, new DealMessagePosted(n.MessageId, state!.SideOf(n.AccountId)!.Value, by, now), DealCode.MessageNoted),
            SettleDueDeal when state!.Status == DealStatus.Claimed => Accept(state, new DealSettled(Min(state.Claimed!.Value, state.Amount), true, null, null, by, now), DealCode.Settled),
            SettleDueDeal => Accept(state, new DealExpired(null, null, by, now), DealCode.Expired),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command)),
        };
    }

    public override Deal Evolve(Deal? state, DealEvent change) => (state, change) switch
    {
        (null, DealProposed p) => new Deal(p.ListingId, p.Title, p.ProviderAccountId, p.ProviderDistrictId, p.ReceiverAccountId, p.ReceiverDistrictId, p.Goods,
            p.Amount, p.Awaiting, DealStatus.Proposed, p.At, p.AnswerBy, p.At, p.By),
        ({ Status: DealStatus.Proposed } deal, DealCountered c) => deal with { Amount = c.Amount, Awaiting = c.Awaiting, AnswerBy = c.AnswerBy, ChangedAt = c.At, ChangedBy = c.By },
        ({ Status: DealStatus.Proposed } deal, DealAccepted a) => deal with
        {
            Status = DealStatus.Accepted, HoldId = a.HoldId, HoldExpiresAt = a.HoldExpiresAt, WorkBy = a.WorkBy, ChangedAt = a.At, ChangedBy = a.By,
        },
        ({ Status: DealStatus.Proposed } deal, DealDeclined d) => deal with { Status = DealStatus.Declined, ChangedAt = d.At, ChangedBy = d.By },
        ({ Status: DealStatus.Proposed or DealStatus.Accepted } deal, DealCancelled c) => deal with { Status = DealStatus.Cancelled, ChangedAt = c.At, ChangedBy = c.By },
        ({ Status: DealStatus.Accepted } deal, DealClaimed c) => deal with { Status = DealStatus.Claimed, Claimed = c.Minutes, ConfirmBy = c.ConfirmBy, ChangedAt = c.At, ChangedBy = c.By },
        ({ Status: DealStatus.Claimed or DealStatus.Disputed } deal, DealSettled s) => deal with
        {
            Status = DealStatus.Settled, Paid = s.Paid, Ruling = s.Ruling, RulingReason = s.Reason, ResolvedBy = s.Ruling is null ? null : s.By, ChangedAt = s.At, ChangedBy = s.By,
        },
        ({ Status: DealStatus.Accepted or DealStatus.Claimed } deal, DealDisputed d) => deal with
        {
            Status = DealStatus.Disputed, DisputedBy = d.Side, DisputeReason = d.Reason, ChangedAt = d.At, ChangedBy = d.By,
        },
        ({ } deal, DealMessagePosted) => deal with { Messages = deal.Messages + 1 },
        ({ IsFinal: false } deal, DealExpired e) => deal with
        {
            Status = DealStatus.Expired, Paid = Minutes.Zero, Ruling = e.Ruling, RulingReason = e.Reason, ResolvedBy = e.Ruling is null ? null : e.By, ChangedAt = e.At, ChangedBy = e.By,
        },
        _ => throw new InvalidOperationException($"{change.GetType().Name} cannot follow {state?.Status.ToString() ?? "nothing"}."),
    };

    private ModuleDecision<DealEvent, DealResult> Accept(Deal? state, DealEvent change, DealCode code) =>
        new(new DealResult(code, Evolve(state, change)), [change]);

    private static DealCode? Refusal(DealCommand command, Deal? state, DateTimeOffset now) => (command, state) switch
    {
        (ProposeDeal, not null) => DealCode.AlreadyExists,
        (ProposeDeal p, null) when SideOf(p, p.AccountId) is null => DealCode.NotYourTurn,
        (ProposeDeal, null) => null,
        (_, null) => DealCode.NotFound,
        (SettleDueDeal, { } deal) when deal.DueAt is not { } due || due > now => DealCode.NotDue,
        (SettleDueDeal, _) => null,
        (ResolveDispute, { Status: not DealStatus.Disputed }) => DealCode.WrongState,
        (ResolveDispute r, { } deal) when r.DistrictId != deal.ProviderDistrictId && r.DistrictId != deal.ReceiverDistrictId => DealCode.OtherDistrict,
        (ResolveDispute r, _) when !IsReason(r.Reason) => DealCode.ReasonRequired,
        (ResolveDispute { Ruling: DisputeRuling.PostInPart } r, { } deal) when r.Minutes is not { } m || m.Value <= 0 || m >= deal.Amount => DealCode.InvalidRuling,
        (ResolveDispute r, _) when !Enum.IsDefined(r.Ruling) => DealCode.InvalidRuling,
        (ResolveDispute, _) => null,
        (_, { } deal) when deal.SideOf(command.AccountId) is null => DealCode.NotYourTurn,
        (CounterDeal or AcceptDeal or DeclineDeal, { Status: not DealStatus.Proposed }) => DealCode.WrongState,
        (CounterDeal or AcceptDeal or DeclineDeal, { } deal) when deal.SideOf(command.AccountId) != deal.Awaiting => DealCode.NotYourTurn,
        (CancelDeal, { Status: not (DealStatus.Proposed or DealStatus.Accepted) }) => DealCode.WrongState,
        (ClaimDeal, { Status: not DealStatus.Accepted }) => DealCode.WrongState,
        (ClaimDeal, { } deal) when deal.SideOf(command.AccountId) != DealSide.Provider => DealCode.NotYourTurn,
        (ConfirmDeal, { Status: not DealStatus.Claimed }) => DealCode.WrongState,
        (ConfirmDeal, { } deal) when deal.SideOf(command.AccountId) != DealSide.Receiver => DealCode.NotYourTurn,
        (ConfirmDeal { AgreeAboveHold: false }, { } deal) when deal.Claimed > deal.Amount => DealCode.AboveHoldNeedsConsent,
        (DisputeDeal, { Status: not (DealStatus.Accepted or DealStatus.Claimed) }) => DealCode.WrongState,
        (DisputeDeal d, _) when !IsReason(d.Reason) => DealCode.ReasonRequired,
        _ => null,
    };

    private static DealSide? SideOf(ProposeDeal p, Guid accountId) =>
        accountId == p.ProviderAccountId ? DealSide.Provider : accountId == p.ReceiverAccountId ? DealSide.Receiver : null;

    private static bool AnswerTooLate(Deal state, DateTimeOffset now) => state.Status == DealStatus.Proposed && now >= state.AnswerBy;

    private static DealSide Other(DealSide side) => side == DealSide.Provider ? DealSide.Receiver : DealSide.Provider;

    private static PostHold Post(DealCommand command, Deal state, Minutes amount) =>
        new(PostOf(command.DealId), state.HoldId!.Value, amount == state.Amount ? null : amount, command.By);

    private static VoidHold Void(DealCommand command, Deal state) => new(VoidOf(command.DealId), state.HoldId!.Value, command.By);

    private static TransferCode Code(Deal state) => state.Goods ? TransferCode.Goods : TransferCode.Service;

    private static string Memo(Deal state) => state.Title.Length <= LedgerLimits.MemoMaxLength ? state.Title : state.Title[..LedgerLimits.MemoMaxLength];

    private static Minutes Min(Minutes a, Minutes b) => a <= b ? a : b;

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static bool IsReason(string reason) => !string.IsNullOrWhiteSpace(reason) && reason.Length <= LedgerLimits.ReasonMaxLength;
}
