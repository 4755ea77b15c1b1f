using EPoomasi.Exchange.Deals;
using EPoomasi.Exchange.Events;
using EPoomasi.Exchange.Feedback;
using EPoomasi.Exchange.Listings;
using EPoomasi.Exchange.Messages;
using EPoomasi.Exchange.Reports;
using EPoomasi.Exchange.Searching;
using EPoomasi.Exchange.Sessions;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Modules;
using EPoomasi.Ledger.Modules.Searching;

namespace EPoomasi.Exchange;

/// <summary>
/// The exchange's one door: listings, search, deals settled through the ledger's holds, their message threads and
/// feedback. It reaches the ledger only through <see cref="LedgerModule"/>: listings and deals are kinds of state on
/// the ledger's open write path, so that each deal step and its hold commit together; messages and feedback are
/// personal words, kept as module documents outside the event log so that they can be erased.
/// </summary>
public sealed class ExchangeModule
{
    /// <summary>Most results on a page.</summary>
    public const int MaxPageSize = 100;

    private readonly LedgerModule _ledger;
    private readonly TimeProvider _time;
    private readonly ModuleKind<ListingCommand, Listing, ListingResult> _listings;
    private readonly ModuleKind<DealCommand, Deal, DealResult> _deals;
    private readonly ModuleKind<SessionCommand, Session, SessionResult> _sessions;
    private readonly MemberEvents _events;

    private ExchangeModule(LedgerModule ledger, ExchangeSettings settings, TimeProvider time)
    {
        _ledger = ledger;
        _time = time;
        Settings = settings;
        _listings = ledger.Register(new ListingDecider());
        _deals = ledger.Register(new DealDecider());
        _sessions = ledger.Register(new SessionDecider());
        Messages = new DealMessages(ledger.Documents);
        Feedback = new FeedbackBook(ledger.Documents);
        Reports = new ContentReports(ledger.Documents);
        _events = new MemberEvents(ledger, _deals, _listings, _sessions, Messages);
    }

    /// <summary>The time rules in force.</summary>
    public ExchangeSettings Settings { get; }

    /// <summary>Each deal's short message thread.</summary>
    public DealMessages Messages { get; }

    /// <summary>Ratings members leave each other after a deal.</summary>
    public FeedbackBook Feedback { get; }

    /// <summary>Members' reports of listings and ratings, for coordinators.</summary>
    public ContentReports Reports { get; }

    /// <summary>
    /// The member holding <paramref name="reporterAccountId"/> reports a listing, or the rating a side of a deal left
    /// (<paramref name="ratedAccountId"/> names whose), to the coordinators of the district it concerns. A repeat of the
    /// request id answers the first report.
    /// </summary>
    /// <exception cref="ExchangeNotFoundException">No such listing or rating.</exception>
    /// <exception cref="ExchangeInputException">The reason is empty or too long.</exception>
    public async Task<ContentReport> ReportAsync(
        Guid requestId, Guid reporterAccountId, ReportedContent content, Guid targetId, Guid? ratedAccountId, string reason, Attribution by, CancellationToken cancellationToken)
    {
        if (await Reports.GetAsync(requestId, cancellationToken) is { } first) return first;
        string district;
        if (content == ReportedContent.Listing)
        {
            district = (await GetListingAsync(targetId, cancellationToken))?.DistrictId ?? throw new ExchangeNotFoundException($"목록 {targetId}이(가) 없습니다. / No listing {targetId}.");
        }
        else
        {
            var rated = ratedAccountId ?? throw new ExchangeInputException("평가받은 계정을 밝혀 주세요. / Name the rated account.");
            if ((await GetDealAsync(targetId, cancellationToken))?.SideOf(rated) is null)
            {
                throw new ExchangeNotFoundException($"거래 {targetId}에 대한 평가가 없습니다. / No rating of {rated} on deal {targetId}.");
            }

            district = (await _ledger.GetAccountAsync(rated, cancellationToken))?.DistrictId ?? throw new ExchangeNotFoundException($"계정 {rated}이(가) 없습니다. / No account {rated}.");
        }

        return await Reports.AddAsync(
            new ContentReport(requestId, content, targetId, content == ReportedContent.Rating ? ratedAccountId : null, district, reporterAccountId, reason ?? string.Empty, by.ActorId,
                _time.GetUtcNow()),
            by, cancellationToken);
    }

    /// <summary>A coordinator of the district records what they decided about a report; null when the district has no such report.</summary>
    public Task<ContentReport?> DecideReportAsync(string districtId, Guid reportId, string decision, Attribution by, CancellationToken cancellationToken) =>
        Reports.DecideAsync(districtId, reportId, decision ?? string.Empty, by, _time.GetUtcNow(), cancellationToken);

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
    /// Whether a hold is one the exchange placed for a deal or a session's share: only the exchange posts or voids it,
    /// so that the deal and its hold never disagree.
    /// </summary>
    public static bool OwnsHold(Guid holdId, Guid? dealOrSessionId, Guid debitAccountId) =>
        dealOrSessionId is { } id && (holdId == DealDecider.HoldOf(id) || holdId == SessionDecider.HoldOf(id, debitAccountId));

    // Listings

    /// <summary>Lists an offer or a request of the member holding <paramref name="ownerAccountId"/>. A repeat of the request id answers the first.</summary>
    /// <exception cref="ExchangeInputException">The listing breaks a rule; the message says which.</exception>
    public async Task<ListingResult> CreateListingAsync(
        Guid requestId, Guid ownerAccountId, ListingKind kind, ListingText text, DateTimeOffset? expiresAt, Attribution by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Problem() is { } problem) throw new ExchangeInputException(problem);
        if (!Enum.IsDefined(kind)) throw new ExchangeInputException("제공 또는 요청이어야 합니다. / A listing is an offer or a request.");
        var expiry = Expiry(expiresAt);
        var owner = await MemberAccountAsync(ownerAccountId, "owner_account_id", cancellationToken);
        var listingId = ListingOf(requestId);
        return await SubmitAsync(new CreateListing(requestId, by, listingId, ownerAccountId, owner.DistrictId, kind, text, expiry), cancellationToken);
    }

    /// <exception cref="ExchangeInputException">The listing breaks a rule; the message says which.</exception>
    public Task<ListingResult> EditListingAsync(Guid requestId, Guid listingId, Guid ownerAccountId, ListingText text, Attribution by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Problem() is { } problem) throw new ExchangeInputException(problem);
        return SubmitAsync(new EditListing(requestId, by, listingId, ownerAccountId, text), cancellationToken);
    }

    /// <summary>Pauses, resumes (<see cref="ListingStatus.Active"/>) or withdraws a listing.</summary>
    public Task<ListingResult> ChangeListingStatusAsync(Guid requestId, Guid listingId, Guid ownerAccountId, ListingStatus status, Attribution by, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(status)) throw new ExchangeInputException("알 수 없는 상태입니다. / Unknown listing status.");
        return SubmitAsync(new ChangeListingStatus(requestId, by, listingId, ownerAccountId, status), cancellationToken);
    }

    /// <summary>Runs a listing again until <paramref name="expiresAt"/> (the default run when null), active.</summary>
    public Task<ListingResult> RenewListingAsync(Guid requestId, Guid listingId, Guid ownerAccountId, DateTimeOffset? expiresAt, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new RenewListing(requestId, by, listingId, ownerAccountId, Expiry(expiresAt)), cancellationToken);

    /// <summary>The listing, or null.</summary>
    public async Task<Listing?> GetListingAsync(Guid listingId, CancellationToken cancellationToken) =>
        await _listings.GetAsync(listingId.ToString(), cancellationToken) is ({ } listing, _) ? listing : null;

    /// <summary>A page of the open listings that match: by text (Korean as it is written, or English) and filters.</summary>
    /// <exception cref="ExchangeInputException">The search breaks a rule.</exception>
    public async Task<IReadOnlyList<(Guid Id, Listing Listing)>> SearchListingsAsync(ListingSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (search.Problem() is { } problem) throw new ExchangeInputException(problem);
        var query = string.IsNullOrWhiteSpace(search.Text) ? null : KoreanText.Query(search.Text);
        var order = search.Order switch
        {
            ListingOrder.Newest => SearchOrder.Recent,
            ListingOrder.ExpiringSoonest => SearchOrder.SoonestUntil,
            _ when query is null => SearchOrder.Recent,
            _ => SearchOrder.Relevance,
        };
        var found = await _listings.SearchAsync(new ModuleSearch(search.Filter(), query, _time.GetUtcNow(), order, search.Offset, search.PageSize), cancellationToken);
        return found.Select(f => (Guid.Parse(f.Key), f.State)).ToList();
    }

    // Deals

    /// <summary>
    /// The member holding <paramref name="accountId"/> proposes a deal on someone else's open listing, for
    /// <paramref name="amount"/> (the listing's own minutes when null). Offers make the owner the provider; requests the receiver.
    /// </summary>
    /// <exception cref="ExchangeInputException">The proposal breaks a rule; the message says which.</exception>
    public async Task<DealResult> ProposeDealAsync(Guid requestId, Guid listingId, Guid accountId, Minutes? amount, Attribution by, CancellationToken cancellationToken)
    {
        var dealId = DealOf(requestId);
        if (await _deals.GetAsync(dealId.ToString(), cancellationToken) is ({ } first, _))
        {
            return await SubmitAsync(new ProposeDeal(requestId, by, dealId, accountId, first.ListingId, first.Title, first.ProviderAccountId, first.ProviderDistrictId,
                first.ReceiverAccountId, first.ReceiverDistrictId, first.Goods, first.Amount, first.AnswerBy), cancellationToken);
        }

        var listing = await GetListingAsync(listingId, cancellationToken) ?? throw new ExchangeNotFoundException($"목록 {listingId}이(가) 없습니다. / No listing {listingId}.");
        if (!listing.IsOpen(_time.GetUtcNow())) throw new ExchangeRuleException("LISTING_NOT_OPEN", "이 목록은 지금 거래할 수 없습니다 (일시 중지, 철회 또는 만료). / The listing is paused, withdrawn or expired.");
        if (listing.OwnerAccountId == accountId) throw new ExchangeRuleException("OWN_LISTING", "자신의 목록에는 제안할 수 없습니다. / A member cannot propose a deal on their own listing.");
        var price = amount ?? listing.Minutes ?? throw new ExchangeInputException("시간(분)을 정해 주세요: 목록에 가격이 없습니다. / Name the minutes: the listing has no price.");
        EnsureAmount(price);
        var proposer = await MemberAccountAsync(accountId, "account_id", cancellationToken);
        var (provider, providerDistrict, receiver, receiverDistrict) = listing.Kind == ListingKind.Offer
            ? (listing.OwnerAccountId, listing.DistrictId, accountId, proposer.DistrictId)
            : (accountId, proposer.DistrictId, listing.OwnerAccountId, listing.DistrictId);
        return await SubmitAsync(new ProposeDeal(requestId, by, dealId, accountId, listingId, listing.Title, provider, providerDistrict, receiver, receiverDistrict,
            listing.Type == ListingType.Goods, price, _time.GetUtcNow() + Settings.AnswerWithin), cancellationToken);
    }

    /// <exception cref="ExchangeInputException">The amount is not positive or beyond the ledger's maximum.</exception>
    public Task<DealResult> CounterDealAsync(Guid requestId, Guid dealId, Guid accountId, Minutes amount, Attribution by, CancellationToken cancellationToken)
    {
        EnsureAmount(amount);
        return SubmitAsync(new CounterDeal(requestId, by, dealId, accountId, amount, _time.GetUtcNow() + Settings.AnswerWithin), cancellationToken);
    }

    public Task<DealResult> AcceptDealAsync(Guid requestId, Guid dealId, Guid accountId, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new AcceptDeal(requestId, by, dealId, accountId, Settings.HoldFor, Settings.WorkWithin), cancellationToken);

    public Task<DealResult> DeclineDealAsync(Guid requestId, Guid dealId, Guid accountId, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new DeclineDeal(requestId, by, dealId, accountId), cancellationToken);

    public Task<DealResult> CancelDealAsync(Guid requestId, Guid dealId, Guid accountId, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new CancelDeal(requestId, by, dealId, accountId), cancellationToken);

    /// <exception cref="ExchangeInputException">The minutes are not positive or beyond the ledger's maximum.</exception>
    public Task<DealResult> ClaimDealAsync(Guid requestId, Guid dealId, Guid accountId, Minutes minutes, Attribution by, CancellationToken cancellationToken)
    {
        EnsureAmount(minutes);
        return SubmitAsync(new ClaimDeal(requestId, by, dealId, accountId, minutes, Settings.ConfirmWithin), cancellationToken);
    }

    public Task<DealResult> ConfirmDealAsync(Guid requestId, Guid dealId, Guid accountId, bool agreeAboveHold, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new ConfirmDeal(requestId, by, dealId, accountId, agreeAboveHold), cancellationToken);

    public Task<DealResult> DisputeDealAsync(Guid requestId, Guid dealId, Guid accountId, string reason, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new DisputeDeal(requestId, by, dealId, accountId, reason ?? string.Empty), cancellationToken);

    public Task<DealResult> ResolveDisputeAsync(
        Guid requestId, Guid dealId, string districtId, DisputeRuling ruling, Minutes? minutes, string reason, Attribution by, CancellationToken cancellationToken) =>
        SubmitAsync(new ResolveDispute(requestId, by, dealId, districtId ?? string.Empty, ruling, minutes, reason ?? string.Empty), cancellationToken);

    /// <summary>The deal and its version, or null.</summary>
    public async Task<Deal?> GetDealAsync(Guid dealId, CancellationToken cancellationToken) =>
        await _deals.GetAsync(dealId.ToString(), cancellationToken) is ({ } deal, _) ? deal : null;

    /// <summary>A page of the deals <paramref name="accountId"/> is on as <paramref name="side"/>, in id order after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<(Guid Id, Deal Deal)>> ListDealsAsync(Guid accountId, DealSide side, string after, int pageSize, CancellationToken cancellationToken)
    {
        object matching = side == DealSide.Provider ? new { ProviderAccountId = accountId } : new { ReceiverAccountId = accountId };
        var page = await _deals.ListAsync(matching, after, Math.Clamp(pageSize, 1, MaxPageSize), cancellationToken);
        return page.Select(p => (Guid.Parse(p.Key), p.State)).ToList();
    }

    /// <summary>Most deals <see cref="ListDistrictDealsAsync"/> returns.</summary>
    public const int MaxDistrictDeals = 1_000;

    /// <summary>
    /// The district's deals in <paramref name="statuses"/> where either side is the district's, oldest first, at most
    /// <see cref="MaxDistrictDeals"/>; and whether there were more.
    /// </summary>
    public async Task<(IReadOnlyList<(Guid Id, Deal Deal)> Deals, bool Truncated)> ListDistrictDealsAsync(
        string districtId, IReadOnlyCollection<DealStatus> statuses, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, Deal>();
        foreach (var status in statuses.Distinct())
        {
            foreach (var matching in new object[] { new { Status = status, ProviderDistrictId = districtId }, new { Status = status, ReceiverDistrictId = districtId } })
            {
                var page = await _deals.ListAsync(matching, string.Empty, MaxDistrictDeals + 1, cancellationToken);
                foreach (var (key, deal) in page) found[Guid.Parse(key)] = deal;
            }
        }

        var ordered = found.OrderBy(f => f.Value.ProposedAt).ThenBy(f => f.Key).Select(f => (f.Key, f.Value)).ToList();
        return (ordered.Take(MaxDistrictDeals).ToList(), ordered.Count > MaxDistrictDeals);
    }

    /// <summary>Whether <paramref name="accountId"/> is on a deal not yet settled, declined, cancelled or expired.</summary>
    public async Task<bool> HasOpenDealsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        foreach (var side in new[] { DealSide.Provider, DealSide.Receiver })
        {
            var after = string.Empty;
            while (true)
            {
                var page = await ListDealsAsync(accountId, side, after, MaxPageSize, cancellationToken);
                if (page.Any(p => !p.Deal.IsFinal)) return true;
                if (page.Count < MaxPageSize) break;
                after = page[^1].Id.ToString();
            }
        }

        return false;
    }

    /// <summary>
    /// Acts on every deal whose time has come: expires proposals not answered and work not claimed in time, ends disputes
    /// an hour before their hold would expire, and confirms claims not confirmed or disputed in time. Each step's id
    /// comes from the deal and its version, so gateways running this at once do each step once. How many were settled.
    /// </summary>
    public async Task<int> SettleDueDealsAsync(Attribution by, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var settled = 0;
        foreach (var status in new[] { DealStatus.Proposed, DealStatus.Accepted, DealStatus.Claimed, DealStatus.Disputed })
        {
            var after = string.Empty;
            while (true)
            {
                var page = await _deals.ListAsync(new { Status = status }, after, 500, cancellationToken);
                foreach (var (key, deal) in page.Where(p => p.State.DueAt <= now))
                {
                    if (await _deals.GetAsync(key, cancellationToken) is not ({ } current, var version) || current.DueAt > now) continue;
                    var dealId = Guid.Parse(key);
                    var outcome = await _deals.SubmitAsync(new SettleDueDeal(DerivedIds.From(dealId, $"due@{version}"), by, dealId), cancellationToken);
                    if (outcome.Result.Code is DealCode.Settled or DealCode.Expired && !outcome.Replayed) settled++;
                }

                if (page.Count < 500) break;
                after = page[^1].Key;
            }
        }

        return settled + await CancelLateSessionsAsync(by, now, cancellationToken);
    }

    // Group sessions

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
                if (outcome.Result.Code == SessionCode.Cancelled && !outcome.Replayed) cancelled++;
            }

            if (page.Count < 500) return cancelled;
            after = page[^1].Key;
        }
    }

    // Members' event streams

    /// <summary>Where a stream that hears only what happens from now on starts.</summary>
    public Task<long> GetEventPositionAsync(CancellationToken cancellationToken) => _ledger.GetSealedPositionAsync(cancellationToken);

    /// <summary>Every member's events after <paramref name="after"/> in the ledger's log, from at most <paramref name="maxRows"/> rows of it.</summary>
    public Task<MemberEventPage> ReadEventsAsync(long after, int maxRows, CancellationToken cancellationToken) => _events.ReadAsync(after, maxRows, cancellationToken);

    /// <summary>
    /// Tells the owners of active listings that expire within <paramref name="within"/>, once per expiry, through their
    /// event streams. Safe in several processes: each notice's id comes from the listing and its expiry. How many were told.
    /// </summary>
    public async Task<int> NoticeExpiringListingsAsync(TimeSpan within, Attribution by, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var told = 0;
        for (var offset = 0; offset <= ModuleSearch.MaxOffset; offset += 500)
        {
            var page = await _listings.SearchAsync(
                new ModuleSearch(new Dictionary<string, object> { ["status"] = nameof(ListingStatus.Active) }, null, now, SearchOrder.SoonestUntil, offset, 500), cancellationToken);
            foreach (var (key, listing) in page.Where(p => p.State.ExpiresAt <= now + within && p.State.ExpiryNoticedFor != p.State.ExpiresAt))
            {
                var listingId = Guid.Parse(key);
                var id = DerivedIds.From(listingId, $"expiry@{listing.ExpiresAt.UtcTicks}");
                var outcome = await _listings.SubmitAsync(new NoticeExpiry(id, by, listingId, listing.OwnerAccountId, listing.ExpiresAt), cancellationToken);
                if (outcome.Result.Code == ListingCode.ExpiryNoticed && !outcome.Replayed) told++;
            }

            if (page.Count < 500 || page[^1].State.ExpiresAt > now + within) break;
        }

        return told;
    }

    // Messages and feedback

    /// <summary>Adds a message to the deal's thread from the side holding <paramref name="accountId"/>. A repeat of the request id adds nothing.</summary>
    /// <exception cref="ExchangeNotFoundException">No such deal, or the account is on neither side.</exception>
    /// <exception cref="ExchangeInputException">The message is empty or too long.</exception>
    public async Task<DealMessage> PostMessageAsync(Guid requestId, Guid dealId, Guid accountId, string text, Attribution by, CancellationToken cancellationToken)
    {
        var deal = await DealOfSideAsync(dealId, accountId, cancellationToken);
        var message = await Messages.WriteAsync(requestId, dealId, deal.SideOf(accountId)!.Value, accountId, text, by, _time.GetUtcNow(), cancellationToken);
        await SubmitAsync(new NoteMessage(DerivedIds.From(requestId, "message"), by, dealId, accountId, requestId), cancellationToken);
        return message;
    }

    /// <summary>The deal's thread, oldest first, for either side.</summary>
    public async Task<IReadOnlyList<DealMessage>> ListMessagesAsync(Guid dealId, Guid accountId, CancellationToken cancellationToken)
    {
        await DealOfSideAsync(dealId, accountId, cancellationToken);
        return await Messages.ListAsync(dealId, cancellationToken);
    }

    /// <summary>The side holding <paramref name="accountId"/> rates the other, once, after the deal settled. Whether this rating was taken (false: rated before).</summary>
    /// <exception cref="ExchangeNotFoundException">No such deal, or the account is on neither side.</exception>
    /// <exception cref="ExchangeInputException">The deal has not settled, or the rating breaks a rule.</exception>
    public async Task<bool> RateAsync(Guid dealId, Guid accountId, int stars, string? comment, Attribution by, CancellationToken cancellationToken)
    {
        var deal = await DealOfSideAsync(dealId, accountId, cancellationToken);
        if (deal.Status != DealStatus.Settled) throw new ExchangeRuleException("DEAL_NOT_SETTLED", "평가는 거래가 끝난 뒤에 남길 수 있습니다. / A rating comes after the deal has settled.");
        var side = deal.SideOf(accountId)!.Value;
        var rated = side == DealSide.Provider ? deal.ReceiverAccountId : deal.ProviderAccountId;
        return await Feedback.AddAsync(dealId, side, accountId, rated, stars, comment, by, _time.GetUtcNow(), cancellationToken);
    }

    private async Task<Deal> DealOfSideAsync(Guid dealId, Guid accountId, CancellationToken cancellationToken)
    {
        var deal = await GetDealAsync(dealId, cancellationToken);
        if (deal?.SideOf(accountId) is null) throw new ExchangeNotFoundException($"계정 {accountId}이(가) 참여한 거래 {dealId}이(가) 없습니다. / No deal {dealId} with account {accountId} on a side.");
        return deal;
    }

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

    private DateTimeOffset Expiry(DateTimeOffset? expiresAt)
    {
        var now = _time.GetUtcNow();
        var expiry = (expiresAt ?? now + Settings.ListingByDefault).ToUniversalTime();
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
