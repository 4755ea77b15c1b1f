namespace EPoomasi.Ledger.Accounts;

// The closed hierarchy of everything that happens to an account, kept together so that a reader sees
// the whole vocabulary at once. Every event says who acted (By) and when, by the server's clock (At).

/// <summary>Something that happened to one account.</summary>
public abstract record AccountEvent(Guid AccountId, Attribution By, DateTimeOffset At);

/// <summary>The account came into being.</summary>
public sealed record AccountOpened(
    Guid AccountId,
    string DistrictId,
    AccountKind Kind,
    string? CounterpartDistrictId,
    Minutes Floor,
    Minutes Cap,
    Attribution By,
    DateTimeOffset At) : AccountEvent(AccountId, By, At);

/// <summary>A coordinator (or a district setting) changed the floor and cap, for a reason.</summary>
public sealed record AccountLimitsChanged(
    Guid AccountId,
    Minutes Floor,
    Minutes Cap,
    string Reason,
    Attribution By,
    DateTimeOffset At) : AccountEvent(AccountId, By, At);

/// <summary>Movements stopped until unfrozen.</summary>
public sealed record AccountFrozen(Guid AccountId, string Reason, Attribution By, DateTimeOffset At)
    : AccountEvent(AccountId, By, At);

/// <summary>Movements allowed again.</summary>
public sealed record AccountUnfrozen(Guid AccountId, string Reason, Attribution By, DateTimeOffset At)
    : AccountEvent(AccountId, By, At);

/// <summary>Closed for good, at zero balance with nothing pending.</summary>
public sealed record AccountClosed(Guid AccountId, string Reason, Attribution By, DateTimeOffset At)
    : AccountEvent(AccountId, By, At);

/// <summary>
/// One side of a posted transfer: the balance moved by <paramref name="AmountMinutes"/> to
/// <paramref name="BalanceAfterMinutes"/>. <paramref name="CounterpartyAccountId"/> is the account on
/// the other side of this leg.
/// </summary>
public sealed record EntryPosted(
    Guid AccountId,
    Guid TransferId,
    EntrySide Side,
    Minutes AmountMinutes,
    Minutes BalanceAfterMinutes,
    Guid CounterpartyAccountId,
    Transfers.TransferCode Code,
    string Memo,
    Attribution By,
    DateTimeOffset At) : AccountEvent(AccountId, By, At);

/// <summary>A pending hold reserved an amount on this account.</summary>
public sealed record HoldReserved(
    Guid AccountId,
    Guid HoldId,
    EntrySide Side,
    Minutes AmountMinutes,
    Attribution By,
    DateTimeOffset At) : AccountEvent(AccountId, By, At);

/// <summary>A hold's reservation on this account ended.</summary>
public sealed record HoldReleased(
    Guid AccountId,
    Guid HoldId,
    EntrySide Side,
    Minutes AmountMinutes,
    HoldResolution Resolution,
    Attribution By,
    DateTimeOffset At) : AccountEvent(AccountId, By, At);
