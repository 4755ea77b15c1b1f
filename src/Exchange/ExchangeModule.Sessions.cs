using EPoomasi.Exchange.Listings;
using EPoomasi.Exchange.Sessions;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules;

namespace EPoomasi.Exchange;

/// <summary>Group sessions: one provider, several receivers, settled as one linked batch.</summary>
public sealed partial class ExchangeModule
{
    /// <summary>The session id a request to open one makes.</summary>
    public static Guid SessionOf(Guid requestId) => DerivedIds.From(requestId, "session");

    /// <summary>
    /// The owner of an offer opens a group session on it: up to <paramref name="seats"/> receivers, each paying
    /// <paramref name="share"/> (the listing's minutes when null), settled by <paramref name="settleBy"/> (30 days when null).
    /// </summary>
    /// <exception cref="ExchangeInputException">The session breaks a rule; the message says which.</exception>
    public async Task<SessionResult> OpenSessionAsync(
        Guid requestId, Guid listingId, Guid providerAccountId, int seats, Minutes? share, DateTimeOffset? settleBy, Attribution by, CancellationToken cancellationToken)
    {
        var listing = await GetListingAsync(listingId, cancellationToken) ?? throw new ExchangeNotFoundException($"목록 {listingId}이(가) 없습니다. / No listing {listingId}.");
        if (listing.OwnerAccountId != providerAccountId || listing.Kind != ListingKind.Offer)
        {
            throw new ExchangeRuleException("NOT_OWN_OFFER", "모임은 자신의 제공 목록에서 엽니다. / A group session is opened on one's own offer.");
        }

        if (listing.Type == ListingType.Loan) throw new ExchangeRuleException("LISTING_IS_A_LOAN", "빌려주는 목록에서는 모임을 열 수 없습니다. / A group session is not opened on a loan listing.");

        if (seats is < 1 or > Session.MaxSeats) throw new ExchangeInputException($"자리는 1~{Session.MaxSeats}개입니다. / A session has 1 to {Session.MaxSeats} seats.");
        var price = share ?? listing.Minutes ?? throw new ExchangeInputException("한 사람의 몫(분)을 정해 주세요. / Name each receiver's share in minutes.");
        EnsureAmount(price);
        var now = _time.GetUtcNow();
        var deadline = (settleBy ?? now + TimeSpan.FromDays(30)).ToUniversalTime();
        if (deadline <= now + TimeSpan.FromHours(1) || deadline > now + TimeSpan.FromDays(90))
        {
            throw new ExchangeInputException("정산 기한은 한 시간 뒤부터 90일 안입니다. / A session settles between an hour and 90 days from now.");
        }

        return await SubmitAsync(new OpenSession(requestId, by, SessionOf(requestId), providerAccountId, listingId, listing.Title, listing.DistrictId, price, seats, deadline), cancellationToken);
    }

    /// <summary>A receiver joins: their share is held on their account until the session settles or ends.</summary>
    public async Task<SessionResult> JoinSessionAsync(Guid requestId, Guid sessionId, Guid accountId, Attribution by, CancellationToken cancellationToken)
    {
        var session = await GetSessionAsync(sessionId, cancellationToken) ?? throw new ExchangeNotFoundException($"모임 {sessionId}이(가) 없습니다. / No session {sessionId}.");
        var account = await MemberAccountAsync(accountId, "account_id", cancellationToken);
        // The hold outlasts the session's deadline by a day, so the scheduler ends a late session before the ledger expires any share.
        var holdFor = session.SettleBy + TimeSpan.FromDays(1) - _time.GetUtcNow();
        if (holdFor < TimeSpan.FromMinutes(1)) holdFor = TimeSpan.FromMinutes(1);
        return await SubmitAsync(new JoinSession(requestId, by, sessionId, accountId, account.DistrictId, holdFor), cancellationToken);
    }

    public Task<SessionResult> LeaveSessionAsync(Guid requestId, Guid sessionId, Guid accountId, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new LeaveSession(requestId, by, sessionId, accountId), cancellationToken);

    /// <summary>The provider settles: every present receiver pays their share, except <paramref name="absent"/>, whose shares are released; all or nothing.</summary>
    public Task<SessionResult> SettleSessionAsync(Guid requestId, Guid sessionId, Guid providerAccountId, IReadOnlyList<Guid> absent, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new SettleSession(requestId, by, sessionId, providerAccountId, absent.Distinct().Order().ToList()), cancellationToken);

    public Task<SessionResult> CancelSessionAsync(Guid requestId, Guid sessionId, Guid providerAccountId, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new CancelSession(requestId, by, sessionId, providerAccountId), cancellationToken);

    /// <summary>The session, or null.</summary>
    public async Task<Session?> GetSessionAsync(Guid sessionId, CancellationToken cancellationToken) =>
        await _sessions.GetAsync(sessionId.ToString(), cancellationToken) is ({ } session, _) ? session : null;

    private async Task<int> CancelLateSessionsAsync(Attribution by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cancelled = 0;
        var after = string.Empty;
        while (true)
        {
            var page = await _sessions.ListAsync(new { Status = SessionStatus.Open }, after, 500, cancellationToken);
            foreach (var (key, session) in page.Where(p => p.State.SettleBy <= now))
            {
                var sessionId = Guid.Parse(key);
                var outcome = await _sessions.SubmitAsync(new CancelSession(DerivedIds.From(sessionId, "late"), by, sessionId, session.ProviderAccountId, BecauseLate: true), cancellationToken);
                if (outcome.Result.Code != SessionCode.Cancelled || outcome.Replayed) continue;
                ExchangeTelemetry.Scheduled(SessionDecider.Name, nameof(SessionCode.Cancelled));
                cancelled++;
            }

            if (page.Count < 500) return cancelled;
            after = page[^1].Key;
        }
    }
}
