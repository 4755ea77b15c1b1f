using EPoomasi.Exchange.Events;
using EPoomasi.Exchange.Listings;
using EPoomasi.Exchange.Loans;
using EPoomasi.Ledger;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// Loans whose days run out, on the real exchange and ledger with a clock of their own (a loan lasts whole days, so the
/// gateway's real clock cannot reach its due date in a test; the gateway serves exactly these events on the members'
/// streams). Past its due date a loan reminds both sides once; long past it, the whole deposit is claimed, and paid
/// after the confirmation time unless disputed; a loan with no deposit ends unreturned. The ledger runs on a database
/// of its own so that moving its clock ahead ends nobody else's deals.
/// </summary>
public sealed class an_overdue_loan_reminds_both_sides_once_then_claims_its_deposit(GatewayFixture gateway)
{
    private static readonly Attribution Scheduler = new("system:deal-scheduler", null, "scheduler");

    private static Attribution As(Guid account) => new($"member:{account:N}", null, "tests");

    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task the_scheduler_reminds_once_then_claims_and_pays_the_deposit_and_ends_a_loan_without_one()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var own = await OwnExchange.OpenAsync(gateway, "loans", ct);
        var (ledger, exchange, clock) = (own.Ledger, own.Exchange, own.Clock);
        var (lender, borrower) = (await own.MemberAsync(0, ct), await own.MemberAsync(500, ct));
        async Task<Guid> LentAsync(long? deposit)
        {
            var listing = await exchange.CreateListingAsync(Guid.NewGuid(), lender, ListingKind.Offer,
                new ListingText(ListingType.Loan, ListingCategory.Goods, "유모차", "", Deposit: deposit is { } d ? new Minutes(d) : null), null, As(lender), ct);
            var loan = (await exchange.RequestLoanAsync(Guid.NewGuid(), listing.ListingId, borrower, 7, As(borrower), ct)).LoanId;
            Assert.Equal(LoanCode.Accepted, (await exchange.AcceptLoanAsync(Guid.NewGuid(), loan, lender, As(lender), ct)).Code);
            Assert.Equal(LoanCode.HandedOver, (await exchange.HandOverLoanAsync(Guid.NewGuid(), loan, lender, As(lender), ct)).Code);
            return loan;
        }

        var withDeposit = await LentAsync(200);
        var without = await LentAsync(null);
        // The streams read up to the journal's sealed head: seal what happened so far, and hear from there.
        await ledger.SealJournalAsync(ct);
        var from = await exchange.GetEventPositionAsync(ct);

        clock.Advance(TimeSpan.FromDays(6));
        var early = await exchange.SettleDueDealsAsync(Scheduler, ct);
        clock.Advance(TimeSpan.FromDays(2));
        var reminded = await exchange.SettleDueDealsAsync(Scheduler, ct);
        var remindedAgain = await exchange.SettleDueDealsAsync(Scheduler, ct);
        var overdue = (await exchange.GetLoanAsync(withDeposit, ct))!;
        clock.Advance(TimeSpan.FromDays(30));
        var claimedOrEnded = await exchange.SettleDueDealsAsync(Scheduler, ct);
        var claimed = (await exchange.GetLoanAsync(withDeposit, ct))!;
        var unreturned = (await exchange.GetLoanAsync(without, ct))!;
        clock.Advance(TimeSpan.FromDays(3));
        var paid = await exchange.SettleDueDealsAsync(Scheduler, ct);
        var kept = (await exchange.GetLoanAsync(withDeposit, ct))!;
        await ledger.SealJournalAsync(ct);
        var events = new List<MemberEvent>();
        for (var after = from; ;)
        {
            var page = await exchange.ReadEventsAsync(after, 1_000, ct);
            events.AddRange(page.Events);
            if (page.Through == after) break;
            after = page.Through;
        }

        Assert.Equal((0, 2, 0), (early, reminded, remindedAgain));
        Assert.Equal((LoanStatus.Lent, true), (overdue.Status, overdue.IsOverdue));
        Assert.Equal(2, claimedOrEnded);
        Assert.Equal((LoanStatus.Claimed, 200L), (claimed.Status, claimed.Claimed!.Value.Value));
        Assert.Equal(LoanStatus.Unreturned, unreturned.Status);
        Assert.Equal((1, LoanStatus.Kept, 200L), (paid, kept.Status, kept.Kept!.Value.Value));
        var (borrowerNow, lenderNow) = ((await ledger.GetAccountAsync(borrower, ct))!, (await ledger.GetAccountAsync(lender, ct))!);
        Assert.Equal((300L, 0L, 200L), (borrowerNow.Balance.Value, borrowerNow.DebitsPending.Value, lenderNow.Balance.Value));
        var ofDeposit = events.Where(e => e.DealId == withDeposit).ToList();
        Assert.Equal([MemberEventKind.LoanOverdue, MemberEventKind.LoanOverdue, MemberEventKind.DepositClaimed, MemberEventKind.DepositClaimed,
            MemberEventKind.DepositKept, MemberEventKind.DepositKept], ofDeposit.Select(e => e.Kind));
        Assert.Equal(new[] { lender, borrower }.Order(), ofDeposit.Take(2).Select(e => e.AccountId).Order());
        Assert.Equal([MemberEventKind.LoanOverdue, MemberEventKind.LoanOverdue, MemberEventKind.LoanUnreturned, MemberEventKind.LoanUnreturned],
            events.Where(e => e.DealId == without).Select(e => e.Kind));
    }
}
