using System.Text.Json.Serialization;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules;

namespace EPoomasi.Exchange.Sessions;

/// <summary>Where a group session stands.</summary>
public enum SessionStatus
{
    /// <summary>Receivers join (each one's share held on their account) or leave.</summary>
    Open,

    /// <summary>Held shares posted as one linked batch (absentees' released).</summary>
    Settled,

    /// <summary>Called off, or not settled in time: every share released.</summary>
    Cancelled,
}

/// <summary>A receiver in a group session, with the hold on their share.</summary>
public sealed record Participant(Guid AccountId, string DistrictId, Guid HoldId, bool Left = false);

/// <summary>
/// One provider serving several receivers at once (a workshop, a class): each receiver's share is held when they
/// join, and the session settles as one linked batch, every share or none.
/// </summary>
public sealed record Session(
    Guid ListingId,
    string Title,
    Guid ProviderAccountId,
    string ProviderDistrictId,
    Minutes Share,
    int Seats,
    SessionStatus Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset SettleBy,
    IReadOnlyList<Participant> Participants,
    string ChangedBy,
    DateTimeOffset ChangedAt)
{
    /// <summary>Most seats a session has.</summary>
    public const int MaxSeats = 100;

    /// <summary>Receivers still in.</summary>
    [JsonIgnore]
    public IReadOnlyList<Participant> Present => Participants.Where(p => !p.Left).ToList();
}

/// <summary>A command on one session; its key is the session's id.</summary>
public abstract record SessionCommand(Guid Id, Attribution By, Guid SessionId, Guid AccountId) : ModuleCommand(Id, By)
{
    public override string StateKey => SessionId.ToString();
}

public sealed record OpenSession(
    Guid Id, Attribution By, Guid SessionId, Guid AccountId, Guid ListingId, string Title, string DistrictId, Minutes Share, int Seats, DateTimeOffset SettleBy)
    : SessionCommand(Id, By, SessionId, AccountId);

/// <summary>A receiver joins: their share is held for <paramref name="HoldFor"/>.</summary>
public sealed record JoinSession(Guid Id, Attribution By, Guid SessionId, Guid AccountId, string DistrictId, TimeSpan HoldFor) : SessionCommand(Id, By, SessionId, AccountId);

public sealed record LeaveSession(Guid Id, Attribution By, Guid SessionId, Guid AccountId) : SessionCommand(Id, By, SessionId, AccountId);

/// <summary>The provider settles: every present receiver's share is posted, the absentees' released, all or nothing.</summary>
public sealed record SettleSession(Guid Id, Attribution By, Guid SessionId, Guid AccountId, IReadOnlyList<Guid> Absent) : SessionCommand(Id, By, SessionId, AccountId);

/// <summary>The provider calls it off, or the scheduler ends a session not settled in time: every share released.</summary>
public sealed record CancelSession(Guid Id, Attribution By, Guid SessionId, Guid AccountId, bool BecauseLate = false) : SessionCommand(Id, By, SessionId, AccountId);

[JsonPolymorphic]
[JsonDerivedType(typeof(SessionOpened), "opened")]
[JsonDerivedType(typeof(SessionJoined), "joined")]
[JsonDerivedType(typeof(SessionLeft), "left")]
[JsonDerivedType(typeof(SessionSettled), "settled")]
[JsonDerivedType(typeof(SessionCancelled), "cancelled")]
public abstract record SessionEvent(string By, DateTimeOffset At);

public sealed record SessionOpened(Guid ListingId, string Title, Guid ProviderAccountId, string ProviderDistrictId, Minutes Share, int Seats, DateTimeOffset SettleBy, string By, DateTimeOffset At)
    : SessionEvent(By, At);

public sealed record SessionJoined(Guid AccountId, string DistrictId, Guid HoldId, string By, DateTimeOffset At) : SessionEvent(By, At);

public sealed record SessionLeft(Guid AccountId, string By, DateTimeOffset At) : SessionEvent(By, At);

public sealed record SessionSettled(IReadOnlyList<Guid> Absent, string By, DateTimeOffset At) : SessionEvent(By, At);

public sealed record SessionCancelled(bool BecauseLate, string By, DateTimeOffset At) : SessionEvent(By, At);

/// <summary>What a session command came to.</summary>
public enum SessionCode
{
    Opened,
    Joined,
    Left,
    Settled,
    Cancelled,
    AlreadyExists,
    NotFound,

    /// <summary>Only the provider opens, settles or cancels; the provider does not join their own session.</summary>
    NotYourTurn,

    /// <summary>The session is settled or cancelled.</summary>
    Closed,

    /// <summary>Every seat is taken.</summary>
    Full,

    /// <summary>The account joined already.</summary>
    AlreadyJoined,

    /// <summary>The account is not in the session.</summary>
    NotJoined,

    /// <summary>The ledger refused a share's hold, or one of the posts (so none was made); see the refusal.</summary>
    LedgerRefused,
}

/// <summary>The answer to a session command.</summary>
public sealed record SessionResult(SessionCode Code, Session? Session, string? LedgerRefusal = null)
{
    [JsonIgnore]
    public bool Replayed { get; init; }

    [JsonIgnore]
    public Guid SessionId { get; init; }
}
