using System.Text.Json.Serialization;
using EPoomasi.Ledger.Modules;

namespace EPoomasi.Ledger.Tests.Modules.TinyExchange;

// A second module in miniature, on the ledger's open write path: a deal is proposed, and accepting it places
// the receiver's hold, in one transaction. What the real exchange does at more length.

public abstract record DealCommand(Guid Id, Attribution By, Guid DealId) : ModuleCommand(Id, By)
{
    public override string StateKey => DealId.ToString();
}

public sealed record ProposeDeal(Guid Id, Attribution By, Guid DealId, Guid Provider, Guid Receiver, long Minutes) : DealCommand(Id, By, DealId);

public sealed record AcceptDeal(Guid Id, Attribution By, Guid DealId) : DealCommand(Id, By, DealId);

public sealed record ConfirmDeal(Guid Id, Attribution By, Guid DealId) : DealCommand(Id, By, DealId);

[JsonPolymorphic]
[JsonDerivedType(typeof(DealProposed), "proposed")]
[JsonDerivedType(typeof(DealAccepted), "accepted")]
[JsonDerivedType(typeof(DealConfirmed), "confirmed")]
public abstract record DealEvent;

public sealed record DealProposed(Guid Provider, Guid Receiver, long Minutes) : DealEvent;

public sealed record DealAccepted(Guid HoldId) : DealEvent;

public sealed record DealConfirmed(Guid PostId) : DealEvent;

public enum DealStatus
{
    Proposed,
    Accepted,
    Confirmed,
}

public sealed record Deal(Guid Provider, Guid Receiver, long Minutes, DealStatus Status, Guid? HoldId);

public enum DealResult
{
    Proposed,
    Accepted,
    Confirmed,
    NoSuchDeal,
    AlreadyProposed,
    NotProposed,
    NotAccepted,
    HoldRefused,
    PostRefused,
}
