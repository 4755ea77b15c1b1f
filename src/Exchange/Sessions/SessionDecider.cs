using System.Text.Json;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.VoidingHold;

namespace EPoomasi.Exchange.Sessions;

/// <summary>
/// Decides group sessions on the ledger's write path. Joining holds the receiver's share; settling posts every
/// present share and voids the absentees' as one linked chain, so the session is paid in full or not at all;
/// cancelling voids them all, linked the same way.
/// </summary>
internal sealed class SessionDecider : ModuleDecider<SessionCommand, Session, SessionEvent, SessionResult>
{
    public const string Name = "exchange.session";

    public override string Kind => Name;

    protected override JsonSerializerOptions Json => ExchangeJson.Options;

    public static Guid HoldOf(Guid sessionId, Guid accountId) => DerivedIds.From(DerivedIds.From(sessionId, "share"), accountId.ToString());

    private static Guid ReleaseOf(Guid holdId) => DerivedIds.From(holdId, "release");

    private static Guid PostOf(Guid holdId) => DerivedIds.From(holdId, "post");

    public override IReadOnlyList<TransferCommand> Transfers(SessionCommand command, Session? state, DateTimeOffset now)
    {
        if (Refusal(command, state) is not null || state is null) return [];
        return command switch
        {
            JoinSession join => [new CreateTransfer(HoldOf(join.SessionId, join.AccountId), join.AccountId, state.ProviderAccountId, state.Share, TransferCode.Service,
                Memo(state), join.By, join.HoldFor, join.SessionId)],
            LeaveSession leave => [new VoidHold(ReleaseOf(HoldOf(leave.SessionId, leave.AccountId)), HoldOf(leave.SessionId, leave.AccountId), leave.By)],
            SettleSession settle => Linked(state.Present.Select(p => settle.Absent.Contains(p.AccountId)
                ? (TransferCommand)new VoidHold(ReleaseOf(p.HoldId), p.HoldId, settle.By)
                : new PostHold(PostOf(p.HoldId), p.HoldId, null, settle.By)).ToList()),
            CancelSession cancel => Linked(state.Present.Select(p => (TransferCommand)new VoidHold(ReleaseOf(p.HoldId), p.HoldId, cancel.By)).ToList()),
            _ => [],
        };
    }

    public override ModuleDecision<SessionEvent, SessionResult> Decide(SessionCommand command, Session? state, IReadOnlyList<TransferOutcome> transfers, DateTimeOffset now)
    {
        if (Refusal(command, state) is { } refusal) return new(new SessionResult(refusal, state), []);
        if (transfers.FirstOrDefault(t => !t.IsOk && t.Result != TransferResult.LinkedEventFailed) is { } refused)
        {
            return new(new SessionResult(SessionCode.LedgerRefused, state, refused.Result.ToString()), []);
        }

        var by = command.By.ActorId;
        return command switch
        {
            OpenSession o => Accept(null, new SessionOpened(o.ListingId, o.Title, o.AccountId, o.DistrictId, o.Share, o.Seats, o.SettleBy, by, now), SessionCode.Opened),
            JoinSession j => Accept(state, new SessionJoined(j.AccountId, j.DistrictId, transfers[0].Id, by, now), SessionCode.Joined),
            LeaveSession l => Accept(state, new SessionLeft(l.AccountId, by, now), SessionCode.Left),
            SettleSession s => Accept(state, new SessionSettled(s.Absent, by, now), SessionCode.Settled),
            CancelSession c => Accept(state, new SessionCancelled(c.BecauseLate, by, now), SessionCode.Cancelled),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command)),
        };
    }

    public override Session Evolve(Session? state, SessionEvent change) => (state, change) switch
    {
        (null, SessionOpened o) => new Session(o.ListingId, o.Title, o.ProviderAccountId, o.ProviderDistrictId, o.Share, o.Seats, SessionStatus.Open, o.At, o.SettleBy, [], o.By, o.At),
        ({ Status: SessionStatus.Open } s, SessionJoined j) => s with { Participants = [.. s.Participants, new Participant(j.AccountId, j.DistrictId, j.HoldId)], ChangedBy = j.By, ChangedAt = j.At },
        ({ Status: SessionStatus.Open } s, SessionLeft l) => s with
        {
            Participants = s.Participants.Select(p => p.AccountId == l.AccountId ? p with { Left = true } : p).ToList(), ChangedBy = l.By, ChangedAt = l.At,
        },
        ({ Status: SessionStatus.Open } s, SessionSettled e) => s with
        {
            Status = SessionStatus.Settled, Participants = s.Participants.Select(p => e.Absent.Contains(p.AccountId) ? p with { Left = true } : p).ToList(), ChangedBy = e.By, ChangedAt = e.At,
        },
        ({ Status: SessionStatus.Open } s, SessionCancelled c) => s with { Status = SessionStatus.Cancelled, ChangedBy = c.By, ChangedAt = c.At },
        _ => throw new InvalidOperationException($"{change.GetType().Name} cannot follow {state?.Status.ToString() ?? "nothing"}."),
    };

    private ModuleDecision<SessionEvent, SessionResult> Accept(Session? state, SessionEvent change, SessionCode code) =>
        new(new SessionResult(code, Evolve(state, change)), [change]);

    private static SessionCode? Refusal(SessionCommand command, Session? state) => (command, state) switch
    {
        (OpenSession, not null) => SessionCode.AlreadyExists,
        (OpenSession, null) => null,
        (_, null) => SessionCode.NotFound,
        (_, { Status: not SessionStatus.Open }) => SessionCode.Closed,
        (SettleSession or CancelSession { BecauseLate: false }, { } s) when command.AccountId != s.ProviderAccountId => SessionCode.NotYourTurn,
        (JoinSession, { } s) when command.AccountId == s.ProviderAccountId => SessionCode.NotYourTurn,
        (JoinSession, { } s) when s.Participants.Any(p => p.AccountId == command.AccountId) => SessionCode.AlreadyJoined,
        (JoinSession, { } s) when s.Present.Count >= s.Seats => SessionCode.Full,
        (LeaveSession, { } s) when !s.Present.Any(p => p.AccountId == command.AccountId) => SessionCode.NotJoined,
        _ => null,
    };

    // A chain: each item but the last is linked to the next, so the ledger applies all of them or none.
    private static List<TransferCommand> Linked(List<TransferCommand> items) =>
        items.Select((item, i) => i == items.Count - 1 ? item : item switch
        {
            PostHold post => post with { Linked = true },
            VoidHold release => (TransferCommand)(release with { Linked = true }),
            _ => item,
        }).ToList();

    private static string Memo(Session state) => state.Title.Length <= LedgerLimits.MemoMaxLength ? state.Title : state.Title[..LedgerLimits.MemoMaxLength];
}
