using EPoomasi.Exchange.Deals;
using EPoomasi.Exchange.Listings;
using EPoomasi.Exchange.Loans;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Transfers;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// An FsCheck property over the real exchange on the real ledger, as for deals: for any sequence of loan steps — by
/// either side, in any order, valid or not, with time jumping ahead (so requests lapse, loans fall overdue, claims pay
/// themselves, and the ledger may expire a deposit's hold before the exchange acts) — every loan ends; the fee moved
/// exactly when the thing was handed over; the deposit's hold is resolved exactly once and agrees with the loan (posted
/// for what the lender kept, released otherwise); and the balances are exactly the fee and what was kept. On a database
/// and a clock of its own; the seed is fixed (set EXCHANGE_PROPERTY_SEED to explore others).
/// </summary>
public sealed class any_sequence_of_loan_steps_ends_with_its_deposit_resolved_once(GatewayFixture gateway)
{
    private const int Sequences = 25;
    private const ulong DefaultSeed = 20261207;
    private const long Fee = 20, Deposit = 120, Start = 500;
    private static readonly Attribution System = new("system:property", null, "tests");

    private enum Step
    {
        Accept,
        Decline,
        Cancel,
        HandOver,
        Return,
        Claim,
        Confirm,
        Dispute,
        Resolve,
        Advance,
        Settle,
        ExpireHolds,
    }

    private static readonly Step[] Weighted =
    [
        Step.Accept, Step.Accept, Step.Accept, Step.Decline, Step.Cancel, Step.HandOver, Step.HandOver, Step.HandOver, Step.Return, Step.Return,
        Step.Claim, Step.Claim, Step.Confirm, Step.Confirm, Step.Dispute, Step.Resolve, Step.Resolve, Step.Advance, Step.Advance, Step.Settle, Step.Settle, Step.ExpireHolds,
    ];

    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task every_loan_ends_agreeing_with_its_deposit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var own = await OwnExchange.OpenAsync(gateway, "loans_property", ct);
        var property = Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            RunAsync(own, seed).GetAwaiter().GetResult();
            return true;
        });
        var config = Config.QuickThrowOnFailure.WithMaxTest(Sequences).WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(PropertySeed()), FSharpOption<int>.None)));

        await Task.Run(() => Check.One(config, property), ct);
    }

    private static async Task RunAsync(OwnExchange own, int seed)
    {
        var (ledger, exchange, clock, district) = (own.Ledger, own.Exchange, own.Clock, OwnExchange.District);
        var random = new Random(seed);
        var sequence = Enumerable.Range(0, random.Next(4, 18)).Select(_ => random.Next()).ToList();
        var ct = TestContext.Current.CancellationToken;
        var (lender, borrower) = (await own.MemberAsync(0, ct), await own.MemberAsync(Start, ct));
        Attribution As(Guid account) => new($"member:{account:N}", null, "tests");
        var listing = await exchange.CreateListingAsync(Guid.NewGuid(), lender, ListingKind.Offer,
            new ListingText(ListingType.Loan, ListingCategory.Goods, "전동 드릴", "", Minutes: new Minutes(Fee), Deposit: new Minutes(Deposit)), null, As(lender), ct);
        var loanId = (await exchange.RequestLoanAsync(Guid.NewGuid(), listing.ListingId, borrower, 1 + random.Next(14), As(borrower), ct)).LoanId;

        foreach (var step in sequence)
        {
            var kind = Weighted[step % Weighted.Length];
            var minutes = new Minutes(1 + step / Weighted.Length % 150);
            // Three times in four, the side whose step it usually is.
            var usual = kind is Step.Confirm or Step.Dispute ? borrower : lender;
            var side = step / 6_000 % 4 == 0 ? (usual == lender ? borrower : lender) : usual;
            var id = Guid.NewGuid();
            switch (kind)
            {
                case Step.Accept: await exchange.AcceptLoanAsync(id, loanId, side, As(side), ct); break;
                case Step.Decline: await exchange.DeclineLoanAsync(id, loanId, side, As(side), ct); break;
                case Step.Cancel: await exchange.CancelLoanAsync(id, loanId, side, As(side), ct); break;
                case Step.HandOver: await exchange.HandOverLoanAsync(id, loanId, side, As(side), ct); break;
                case Step.Return: await exchange.ReturnLoanAsync(id, loanId, side, As(side), ct); break;
                case Step.Claim: await exchange.ClaimDepositAsync(id, loanId, side, minutes, "파손 / damaged", As(side), ct); break;
                case Step.Confirm: await exchange.ConfirmDepositClaimAsync(id, loanId, side, As(side), ct); break;
                case Step.Dispute: await exchange.DisputeLoanAsync(id, loanId, side, "다툼 / dispute", As(side), ct); break;
                case Step.Resolve:
                    await exchange.ResolveLoanDisputeAsync(id, loanId, district, (DisputeRuling)(step / 24_000 % 3), minutes, "판단 / ruling",
                        new Attribution($"coordinator:{district}", null, "tests"), ct);
                    break;
                case Step.Advance: clock.Advance(TimeSpan.FromHours(1 + step / Weighted.Length % 1_500)); break;
                case Step.Settle: await exchange.SettleDueDealsAsync(System, ct); break;
                case Step.ExpireHolds: await ledger.ExpireDueHoldsAsync(1_000, ct); break;
            }
        }

        // Whatever was left open ends: time runs out, the ledger expires what it would, the scheduler acts.
        for (var i = 0; i < 6; i++)
        {
            clock.Advance(TimeSpan.FromDays(31));
            await exchange.SettleDueDealsAsync(System, ct);
            await ledger.ExpireDueHoldsAsync(1_000, ct);
        }

        var loan = (await exchange.GetLoanAsync(loanId, ct))!;
        var records = (await ledger.LookupTransfersAsync([LoanDecider.FeeOf(loanId), LoanDecider.DepositOf(loanId), LoanDecider.PostOf(loanId), LoanDecider.VoidOf(loanId)], ct))
            .ToDictionary(r => r.Id);
        bool Done(Guid id) => records.TryGetValue(id, out var r) && r.Result == TransferResult.Ok;
        var hold = records.GetValueOrDefault(LoanDecider.DepositOf(loanId));
        var kept = loan.Kept?.Value ?? 0;
        var said = $"loan {loan.Status}, lent {loan.LentAt is not null}, claimed {loan.Claimed?.Value}, kept {kept}, " +
                   $"hold {hold?.Result}/{hold?.HoldState}/{hold?.PostedAmountMinutes?.Value}, fee {Done(LoanDecider.FeeOf(loanId))}, seed {seed}";

        Assert.True(loan.IsFinal, $"The loan did not end: {said}");
        Assert.True(Done(LoanDecider.FeeOf(loanId)) == (loan.LentAt is not null), $"The fee moved {(loan.LentAt is null ? "without" : "only without")} a handover: {said}");
        Assert.False(Done(LoanDecider.PostOf(loanId)) && Done(LoanDecider.VoidOf(loanId)), $"The deposit was both posted and voided: {said}");
        if (loan.LentAt is null)
        {
            Assert.True(hold is null || hold.Result != TransferResult.Ok, $"A deposit is held for a loan never handed over: {said}");
        }
        else
        {
            Assert.True(hold is { Result: TransferResult.Ok }, $"A handed-over loan holds no deposit: {said}");
            if (loan.Status == LoanStatus.Kept) Assert.True(hold!.HoldState == HoldState.Posted && hold.PostedAmountMinutes!.Value.Value == kept, $"Kept, but the hold says otherwise: {said}");
            else Assert.True(hold!.HoldState is HoldState.Voided or HoldState.Expired && kept == 0, $"Nothing kept, but the deposit was not released: {said}");
        }

        Assert.True(kept <= Deposit, $"Kept beyond the deposit: {said}");
        var fee = loan.LentAt is null ? 0 : Fee;
        var (borrowerNow, lenderNow) = ((await ledger.GetAccountAsync(borrower, ct))!, (await ledger.GetAccountAsync(lender, ct))!);
        Assert.True((Start - fee - kept, 0L, fee + kept) == (borrowerNow.Balance.Value, borrowerNow.DebitsPending.Value, lenderNow.Balance.Value),
            $"Balances {borrowerNow.Balance.Value}/{borrowerNow.DebitsPending.Value}/{lenderNow.Balance.Value}: {said}");
    }

    private static ulong PropertySeed() => ulong.TryParse(Environment.GetEnvironmentVariable("EXCHANGE_PROPERTY_SEED"), out var seed) ? seed : DefaultSeed;
}
