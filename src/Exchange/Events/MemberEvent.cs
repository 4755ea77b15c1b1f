using EPoomasi.Ledger;

namespace EPoomasi.Exchange.Events;

/// <summary>What happened that a member would want to hear of.</summary>
public enum MemberEventKind
{
    DealProposed,
    DealCountered,
    DealAccepted,
    DealDeclined,
    DealCancelled,
    DealClaimed,
    DealSettled,
    DealDisputed,
    DealResolved,
    DealExpired,
    MessageReceived,
    ListingExpiring,
    SessionJoined,
    SessionLeft,
    SessionSettled,
    SessionCancelled,
    LoanRequested,
    LoanAccepted,
    LoanDeclined,
    LoanCancelled,
    LoanHandedOver,

    /// <summary>Past its due date and not back: both sides hear it once.</summary>
    LoanOverdue,
    LoanReturned,
    DepositClaimed,
    DepositKept,
    LoanDisputed,
    LoanResolved,
    LoanUnreturned,
    LoanExpired,
}

/// <summary>
/// One event on a member's stream, for the account <paramref name="AccountId"/>, at <paramref name="Position"/> in the
/// ledger's event log and <paramref name="Index"/> among the events that row gives (the pair orders the stream and
/// resumes it). Both sides of a deal hear of each of its steps; <paramref name="By"/> says who took it.
/// </summary>
public sealed record MemberEvent(
    long Position,
    int Index,
    Guid AccountId,
    MemberEventKind Kind,
    Guid? DealId,
    Guid? ListingId,
    string Title,
    string By,
    DateTimeOffset At,
    Minutes? Minutes = null,
    string? Text = null);

/// <summary>The events of the log read after a position, for every account, and the position read through.</summary>
public sealed record MemberEventPage(IReadOnlyList<MemberEvent> Events, long Through);
