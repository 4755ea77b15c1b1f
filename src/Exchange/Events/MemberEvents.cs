using System.Text.Json;
using EPoomasi.Exchange.Deals;
using EPoomasi.Exchange.Listings;
using EPoomasi.Exchange.Loans;
using EPoomasi.Exchange.Messages;
using EPoomasi.Exchange.Sessions;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules;

namespace EPoomasi.Exchange.Events;

/// <summary>
/// Members' events, read from the ledger's event log: the exchange's own decisions as the log holds them, so a stream
/// that resumes from a position misses nothing that committed, and hears nothing twice. The same log always gives the
/// same events in the same order.
/// </summary>
internal sealed class MemberEvents(
    LedgerModule ledger, ModuleKind<DealCommand, Deal, DealResult> deals, ModuleKind<ListingCommand, Listing, ListingResult> listings,
    ModuleKind<SessionCommand, Session, SessionResult> sessions, ModuleKind<LoanCommand, Loan, LoanResult> loans, DealMessages messages)
{
    private static readonly JsonSerializerOptions Reading = new(ExchangeJson.Options) { AllowOutOfOrderMetadataProperties = true };

    public async Task<MemberEventPage> ReadAsync(long after, int maxRows, CancellationToken cancellationToken)
    {
        var page = await ledger.ReadModuleDecisionsAsync(after, maxRows, cancellationToken);
        var events = new List<MemberEvent>();
        var dealStates = new Dictionary<string, Deal?>();
        var listingStates = new Dictionary<string, Listing?>();
        var sessionStates = new Dictionary<string, Session?>();
        var loanStates = new Dictionary<string, Loan?>();
        long position = -1;
        var index = 0;
        foreach (var (at, decision) in page.Decisions)
        {
            if (at != position) (position, index) = (at, 0);
            foreach (var change in decision.Events)
            {
                if (decision.Kind == DealDecider.Name)
                {
                    var deal = await StateAsync(dealStates, decision.Key, deals, cancellationToken);
                    if (deal is null) continue;
                    foreach (var e in await DealEventsAsync(Guid.Parse(decision.Key), deal, change.Deserialize<DealEvent>(Reading)!, cancellationToken))
                    {
                        events.Add(e with { Position = position, Index = index++ });
                    }
                }
                else if (decision.Kind == SessionDecider.Name && await StateAsync(sessionStates, decision.Key, sessions, cancellationToken) is { } session)
                {
                    foreach (var e in SessionEvents(Guid.Parse(decision.Key), session, change.Deserialize<SessionEvent>(Reading)!))
                    {
                        events.Add(e with { Position = position, Index = index++ });
                    }
                }
                else if (decision.Kind == LoanDecider.Name && await StateAsync(loanStates, decision.Key, loans, cancellationToken) is { } loan)
                {
                    foreach (var e in LoanEvents(Guid.Parse(decision.Key), loan, change.Deserialize<LoanEvent>(Reading)!))
                    {
                        events.Add(e with { Position = position, Index = index++ });
                    }
                }
                else if (decision.Kind == ListingDecider.Name && change.Deserialize<ListingEvent>(Reading) is ListingExpiryNoticed noticed
                         && await StateAsync(listingStates, decision.Key, listings, cancellationToken) is { } listing)
                {
                    events.Add(new MemberEvent(position, index++, listing.OwnerAccountId, MemberEventKind.ListingExpiring, null, Guid.Parse(decision.Key),
                        listing.Title, noticed.By, noticed.At, Text: noticed.ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
        }

        return new MemberEventPage(events, page.Through);
    }

    // Each step, for both sides; a message only for the side that did not write it.
    private async Task<IReadOnlyList<MemberEvent>> DealEventsAsync(Guid dealId, Deal deal, DealEvent change, CancellationToken cancellationToken)
    {
        MemberEvent For(Guid account, MemberEventKind kind, Minutes? minutes = null, string? text = null) =>
            new(0, 0, account, kind, dealId, deal.ListingId, deal.Title, change.By, change.At, minutes, text);
        IReadOnlyList<MemberEvent> Both(MemberEventKind kind, Minutes? minutes = null, string? text = null) =>
            [For(deal.ProviderAccountId, kind, minutes, text), For(deal.ReceiverAccountId, kind, minutes, text)];
        switch (change)
        {
            case DealProposed p: return Both(MemberEventKind.DealProposed, p.Amount);
            case DealCountered c: return Both(MemberEventKind.DealCountered, c.Amount);
            case DealAccepted: return Both(MemberEventKind.DealAccepted);
            case DealDeclined: return Both(MemberEventKind.DealDeclined);
            case DealCancelled: return Both(MemberEventKind.DealCancelled);
            case DealClaimed c: return Both(MemberEventKind.DealClaimed, c.Minutes);
            case DealDisputed d: return Both(MemberEventKind.DealDisputed, text: d.Reason);
            case DealSettled { Ruling: not null } s: return Both(MemberEventKind.DealResolved, s.Paid, s.Reason);
            case DealSettled s: return Both(MemberEventKind.DealSettled, s.Paid);
            case DealExpired { Ruling: not null } e: return Both(MemberEventKind.DealResolved, Minutes.Zero, e.Reason);
            case DealExpired: return Both(MemberEventKind.DealExpired);
            case DealMessagePosted m:
                var text = (await messages.GetAsync(dealId, m.MessageId, cancellationToken))?.Text ?? string.Empty;
                return [For(m.Side == DealSide.Provider ? deal.ReceiverAccountId : deal.ProviderAccountId, MemberEventKind.MessageReceived, text: text)];
            default: return [];
        }
    }

    // The provider hears who joins and leaves; everyone who joined hears how it ended.
    private static IReadOnlyList<MemberEvent> SessionEvents(Guid sessionId, Session session, SessionEvent change)
    {
        MemberEvent For(Guid account, MemberEventKind kind, Minutes? minutes = null) =>
            new(0, 0, account, kind, sessionId, session.ListingId, session.Title, change.By, change.At, minutes);
        return change switch
        {
            SessionJoined j => [For(session.ProviderAccountId, MemberEventKind.SessionJoined, session.Share), For(j.AccountId, MemberEventKind.SessionJoined, session.Share)],
            SessionLeft l => [For(session.ProviderAccountId, MemberEventKind.SessionLeft), For(l.AccountId, MemberEventKind.SessionLeft)],
            SessionSettled s => [For(session.ProviderAccountId, MemberEventKind.SessionSettled),
                .. session.Participants.Select(p => For(p.AccountId, MemberEventKind.SessionSettled, p.Left || s.Absent.Contains(p.AccountId) ? Minutes.Zero : session.Share))],
            SessionCancelled => [For(session.ProviderAccountId, MemberEventKind.SessionCancelled), .. session.Participants.Select(p => For(p.AccountId, MemberEventKind.SessionCancelled))],
            _ => [],
        };
    }

    // Both sides hear of each step; deal_id carries the loan's id.
    private static IReadOnlyList<MemberEvent> LoanEvents(Guid loanId, Loan loan, LoanEvent change)
    {
        IReadOnlyList<MemberEvent> Both(MemberEventKind kind, Minutes? minutes = null, string? text = null) =>
        [
            new(0, 0, loan.LenderAccountId, kind, loanId, loan.ListingId, loan.Title, change.By, change.At, minutes, text),
            new(0, 0, loan.BorrowerAccountId, kind, loanId, loan.ListingId, loan.Title, change.By, change.At, minutes, text),
        ];
        return change switch
        {
            LoanRequested r => Both(MemberEventKind.LoanRequested, r.Deposit, r.Days.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            LoanAccepted => Both(MemberEventKind.LoanAccepted),
            LoanDeclined => Both(MemberEventKind.LoanDeclined),
            LoanCancelled => Both(MemberEventKind.LoanCancelled),
            LoanHandedOver h => Both(MemberEventKind.LoanHandedOver, loan.Deposit, h.DueBack.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            LoanOverdue => Both(MemberEventKind.LoanOverdue, text: loan.DueBack?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            LoanReturned { Ruling: not null } r => Both(MemberEventKind.LoanResolved, Minutes.Zero, r.Reason),
            LoanReturned => Both(MemberEventKind.LoanReturned),
            DepositClaimed c => Both(MemberEventKind.DepositClaimed, c.Minutes, c.Reason),
            DepositKept { Ruling: not null } k => Both(MemberEventKind.LoanResolved, k.Minutes, k.Reason),
            DepositKept k => Both(MemberEventKind.DepositKept, k.Minutes),
            LoanDisputed d => Both(MemberEventKind.LoanDisputed, text: d.Reason),
            LoanUnreturned => Both(MemberEventKind.LoanUnreturned),
            LoanExpired e => Both(MemberEventKind.LoanExpired, text: e.Reason),
            _ => [],
        };
    }

    private static async Task<TState?> StateAsync<TCommand, TState, TResult>(
        Dictionary<string, TState?> known, string key, ModuleKind<TCommand, TState, TResult> kind, CancellationToken cancellationToken)
        where TCommand : ModuleCommand where TState : class
    {
        if (!known.TryGetValue(key, out var state))
        {
            state = await kind.GetAsync(key, cancellationToken) is ({ } found, _) ? found : null;
            known[key] = state;
        }

        return state;
    }
}
