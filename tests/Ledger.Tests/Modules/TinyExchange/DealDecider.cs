using EPoomasi.Ledger.Modules;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;

namespace EPoomasi.Ledger.Tests.Modules.TinyExchange;

/// <summary>
/// The deal's decider. <see cref="BetweenSteps"/> runs after the ledger decided the transfers a command asked
/// for and before the deal's own change is decided: where a test makes it crash.
/// </summary>
public sealed class DealDecider : ModuleDecider<DealCommand, Deal, DealEvent, DealResult>
{
    public static readonly TimeSpan HoldTimeout = TimeSpan.FromDays(7);

    public override string Kind => "tiny_exchange.deal";

    public Action<DealCommand>? BetweenSteps { get; set; }

    public static Guid HoldOf(Guid dealId) => DerivedIds.From(dealId, "hold");

    public static Guid PostOf(Guid dealId) => DerivedIds.From(dealId, "post");

    public override IReadOnlyList<TransferCommand> Transfers(DealCommand command, Deal? state, DateTimeOffset now) => (command, state) switch
    {
        (AcceptDeal accept, { Status: DealStatus.Proposed } deal) =>
            [new CreateTransfer(HoldOf(accept.DealId), deal.Receiver, deal.Provider, new Minutes(deal.Minutes), TransferCode.Service, "deal", accept.By, HoldTimeout, accept.DealId)],
        (ConfirmDeal confirm, { Status: DealStatus.Accepted } deal) => [new PostHold(PostOf(confirm.DealId), deal.HoldId!.Value, null, confirm.By)],
        _ => [],
    };

    public override ModuleDecision<DealEvent, DealResult> Decide(DealCommand command, Deal? state, IReadOnlyList<TransferOutcome> transfers, DateTimeOffset now)
    {
        BetweenSteps?.Invoke(command);
        return (command, state) switch
        {
            (ProposeDeal propose, null) => new(DealResult.Proposed, [new DealProposed(propose.Provider, propose.Receiver, propose.Minutes)]),
            (ProposeDeal, _) => new(DealResult.AlreadyProposed, []),
            (_, null) => new(DealResult.NoSuchDeal, []),
            (AcceptDeal, { Status: not DealStatus.Proposed }) => new(DealResult.NotProposed, []),
            (AcceptDeal, _) when transfers[0].IsOk => new(DealResult.Accepted, [new DealAccepted(transfers[0].Id)]),
            (AcceptDeal, _) => new(DealResult.HoldRefused, []),
            (ConfirmDeal, { Status: not DealStatus.Accepted }) => new(DealResult.NotAccepted, []),
            (ConfirmDeal, _) when transfers[0].IsOk => new(DealResult.Confirmed, [new DealConfirmed(transfers[0].Id)]),
            (ConfirmDeal, _) => new(DealResult.PostRefused, []),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command)),
        };
    }

    public override Deal Evolve(Deal? state, DealEvent change) => (state, change) switch
    {
        (null, DealProposed proposed) => new Deal(proposed.Provider, proposed.Receiver, proposed.Minutes, DealStatus.Proposed, null),
        ({ } deal, DealAccepted accepted) => deal with { Status = DealStatus.Accepted, HoldId = accepted.HoldId },
        ({ } deal, DealConfirmed) => deal with { Status = DealStatus.Confirmed },
        _ => throw new InvalidOperationException($"{change.GetType().Name} cannot follow {state?.Status.ToString() ?? "nothing"}."),
    };
}
