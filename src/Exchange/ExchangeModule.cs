using EPoomasi.Exchange.Deals;
using EPoomasi.Exchange.Events;
using EPoomasi.Exchange.Feedback;
using EPoomasi.Exchange.Listings;
using EPoomasi.Exchange.Loans;
using EPoomasi.Exchange.Messages;
using EPoomasi.Exchange.Reports;
using EPoomasi.Exchange.Sessions;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Modules;

namespace EPoomasi.Exchange;

/// <summary>
/// The exchange's one door: listings and search, deals and group sessions settled through the ledger's holds, message
/// threads, ratings, reports and members' event streams (one file per use case: ExchangeModule.Listings.cs, .Deals.cs,
/// …). It reaches the ledger only through <see cref="LedgerModule"/>: listings, deals and sessions are kinds of state on
/// the ledger's open write path, so that each step and its hold commit together; messages, ratings and reports are
/// people's words, kept as module documents outside the event log so that they can be erased.
/// </summary>
public sealed partial class ExchangeModule
{
    /// <summary>Most results on a page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The meter the exchange reports through (the scheduler's steps), for a host's telemetry to listen to.</summary>
    public const string TelemetrySource = ExchangeTelemetry.Name;

    private readonly LedgerModule _ledger;
    private readonly TimeProvider _time;
    private readonly ModuleKind<ListingCommand, Listing, ListingResult> _listings;
    private readonly ModuleKind<DealCommand, Deal, DealResult> _deals;
    private readonly ModuleKind<SessionCommand, Session, SessionResult> _sessions;
    private readonly ModuleKind<LoanCommand, Loan, LoanResult> _loans;
    private readonly MemberEvents _events;

    private ExchangeModule(LedgerModule ledger, ExchangeSettings settings, TimeProvider time)
    {
        _ledger = ledger;
        _time = time;
        Settings = settings;
        _listings = ledger.Register(new ListingDecider());
        _deals = ledger.Register(new DealDecider());
        _sessions = ledger.Register(new SessionDecider());
        _loans = ledger.Register(new LoanDecider());
        Messages = new DealMessages(ledger.Documents);
        Feedback = new FeedbackBook(ledger.Documents);
        Reports = new ContentReports(ledger.Documents);
        _events = new MemberEvents(ledger, _deals, _listings, _sessions, _loans, Messages);
    }

    /// <summary>The time rules in force.</summary>
    public ExchangeSettings Settings { get; }

    /// <summary>Each deal's short message thread.</summary>
    public DealMessages Messages { get; }

    /// <summary>Ratings members leave each other after a deal.</summary>
    public FeedbackBook Feedback { get; }

    /// <summary>Members' reports of listings and ratings, for coordinators.</summary>
    public ContentReports Reports { get; }

    /// <summary>Registers the exchange's kinds of state with the ledger. Once per ledger, at start.</summary>
    public static ExchangeModule Attach(LedgerModule ledger, ExchangeSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problem() is { } problem) throw new ArgumentException(problem, nameof(settings));
        return new ExchangeModule(ledger, settings, time);
    }

    /// <summary>The listing id a request to create one makes.</summary>
    public static Guid ListingOf(Guid requestId) => DerivedIds.From(requestId, "listing");

    /// <summary>The deal id a request to propose one makes.</summary>
    public static Guid DealOf(Guid requestId) => DerivedIds.From(requestId, "deal");

    /// <summary>The hold a deal places when it is accepted.</summary>
    public static Guid HoldOf(Guid dealId) => DealDecider.HoldOf(dealId);

    /// <summary>
    /// Whether a hold is one the exchange placed for a deal, a session's share or a loan's deposit: only the exchange
    /// posts or voids it, so that the deal and its hold never disagree.
    /// </summary>
    public static bool OwnsHold(Guid holdId, Guid? dealOrSessionId, Guid debitAccountId) =>
        dealOrSessionId is { } id && (holdId == DealDecider.HoldOf(id) || holdId == SessionDecider.HoldOf(id, debitAccountId) || holdId == LoanDecider.DepositOf(id));

    private async Task<ListingResult> SubmitAsync(ListingCommand command, CancellationToken cancellationToken)
    {
        var outcome = await _listings.SubmitAsync(command, cancellationToken);
        return outcome.Result with { Replayed = outcome.Replayed, ListingId = command.ListingId };
    }

    private async Task<SessionResult> SubmitAsync(SessionCommand command, CancellationToken cancellationToken)
    {
        var outcome = await _sessions.SubmitAsync(command, cancellationToken);
        return outcome.Result with { Replayed = outcome.Replayed, SessionId = command.SessionId };
    }

    private async Task<DealResult> SubmitAsync(DealCommand command, CancellationToken cancellationToken)
    {
        var outcome = await _deals.SubmitAsync(command, cancellationToken);
        return outcome.Result with { Replayed = outcome.Replayed, DealId = command.DealId };
    }

    private async Task<Account> MemberAccountAsync(Guid accountId, string field, CancellationToken cancellationToken)
    {
        var account = await _ledger.GetAccountAsync(accountId, cancellationToken);
        if (account is null) throw new ExchangeNotFoundException($"계정 {accountId}이(가) 없습니다. / No account {accountId} ({field}).");
        if (account.Kind != AccountKind.Member) throw new ExchangeInputException($"{field}: 회원 계정만 거래할 수 있습니다. / Only members' accounts trade on the exchange.");
        return account;
    }

    // The member's own expiry, checked; none when they did not choose one (the default period is applied when decided).
    private DateTimeOffset? Expiry(DateTimeOffset? expiresAt)
    {
        if (expiresAt is null) return null;
        var now = _time.GetUtcNow();
        var expiry = expiresAt.Value.ToUniversalTime();
        if (expiry <= now + TimeSpan.FromHours(1) || expiry > now + Settings.ListingAtMost)
        {
            throw new ExchangeInputException(
                $"만료일은 한 시간 뒤부터 {Settings.ListingAtMost.TotalDays:0}일 안이어야 합니다. / A listing expires between an hour and {Settings.ListingAtMost.TotalDays:0} days from now.");
        }

        return expiry;
    }

    private static void EnsureAmount(Minutes amount)
    {
        if (amount.Value <= 0 || amount > LedgerLimits.MaxTransferMinutes)
        {
            throw new ExchangeInputException($"시간(분)은 1분부터 {LedgerLimits.MaxTransferMinutes.Value}분까지입니다. / Minutes run from 1 to {LedgerLimits.MaxTransferMinutes.Value}.");
        }
    }
}
