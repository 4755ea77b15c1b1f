using EPoomasi.Ledger.Accounts;

namespace EPoomasi.Ledger.Transfers.Deciding;

/// <summary>
/// Turns "move <c>posted</c> along these legs and change their reservations by <c>pendingChange</c>"
/// into limit checks and account events. Each leg debits one account and credits another by the same
/// amount, which is what keeps every sum at zero; <see cref="AssertBalanced"/> checks it again.
/// </summary>
internal static class Movement
{
    /// <summary>The first broken limit, in <see cref="TransferResult"/> order, or Ok.</summary>
    public static TransferResult CheckLimits(ILedgerView view, IReadOnlyList<Leg> legs, Minutes posted, Minutes pendingChange)
    {
        var broken = TransferResult.Ok;
        foreach (var leg in legs)
        {
            var debit = Required(view, leg.DebitAccountId);
            var afterDebit = debit with
            {
                DebitsPosted = debit.DebitsPosted + posted,
                DebitsPending = debit.DebitsPending + pendingChange,
            };
            if (afterDebit.Balance - afterDebit.DebitsPending < afterDebit.Floor)
            {
                broken = Earliest(broken, FloorReason(debit.Kind));
            }

            var credit = Required(view, leg.CreditAccountId);
            var afterCredit = credit with
            {
                CreditsPosted = credit.CreditsPosted + posted,
                CreditsPending = credit.CreditsPending + pendingChange,
            };
            if (afterCredit.Balance + afterCredit.CreditsPending > afterCredit.Cap)
            {
                broken = Earliest(broken, CapReason(credit.Kind));
            }
        }

        return broken;
    }

    /// <summary>The events of the movement, releases before reservations before postings, leg by leg.</summary>
    public static List<AccountEvent> Events(
        ILedgerView view, IReadOnlyList<Leg> legs, Minutes posted, Minutes pendingChange,
        Guid transferId, Guid? holdId, HoldResolution resolution, TransferCode code, string memo,
        Attribution by, DateTimeOffset at)
    {
        var events = new List<AccountEvent>();
        foreach (var leg in legs)
        {
            if (pendingChange < Minutes.Zero)
            {
                events.Add(new HoldReleased(leg.DebitAccountId, holdId!.Value, EntrySide.Debit, -pendingChange, resolution, by, at));
                events.Add(new HoldReleased(leg.CreditAccountId, holdId.Value, EntrySide.Credit, -pendingChange, resolution, by, at));
            }
            else if (pendingChange > Minutes.Zero)
            {
                events.Add(new HoldReserved(leg.DebitAccountId, holdId!.Value, EntrySide.Debit, pendingChange, by, at));
                events.Add(new HoldReserved(leg.CreditAccountId, holdId.Value, EntrySide.Credit, pendingChange, by, at));
            }

            if (posted.IsPositive)
            {
                var debit = Required(view, leg.DebitAccountId);
                var credit = Required(view, leg.CreditAccountId);
                events.Add(new EntryPosted(debit.Id, transferId, EntrySide.Debit, posted, debit.Balance - posted, credit.Id, code, memo, by, at));
                events.Add(new EntryPosted(credit.Id, transferId, EntrySide.Credit, posted, credit.Balance + posted, debit.Id, code, memo, by, at));
            }
        }

        AssertBalanced(events);
        return events;
    }

    /// <summary>
    /// Double entry, asserted where a transfer is decided: credits equal debits, both posted and
    /// pending (invariant 1). <see cref="AccountEvolution"/> asserts the balances again as it applies them.
    /// </summary>
    public static void AssertBalanced(IEnumerable<AccountEvent> events)
    {
        var posted = Minutes.Zero;
        var pending = Minutes.Zero;
        foreach (var @event in events)
        {
            switch (@event)
            {
                case EntryPosted entry:
                    posted += entry.Side == EntrySide.Credit ? entry.AmountMinutes : -entry.AmountMinutes;
                    break;
                case HoldReserved reserved:
                    pending += reserved.Side == EntrySide.Credit ? reserved.AmountMinutes : -reserved.AmountMinutes;
                    break;
                case HoldReleased released:
                    pending -= released.Side == EntrySide.Credit ? released.AmountMinutes : -released.AmountMinutes;
                    break;
            }
        }

        LedgerInvariantException.Unless(posted == Minutes.Zero && pending == Minutes.Zero,
            $"A transfer would not balance: posted {posted}, pending {pending} (invariant 1).");
    }

    private static Account Required(ILedgerView view, Guid accountId) =>
        view.FindAccount(accountId) ?? throw new LedgerInvariantException($"Leg names missing account {accountId}.");

    private static TransferResult FloorReason(AccountKind kind) => kind switch
    {
        AccountKind.CommunityPot => TransferResult.PotInsufficient,
        AccountKind.Issuance => TransferResult.MintBudgetExceeded,
        AccountKind.Clearing => TransferResult.TrustLimitExceeded,
        _ => TransferResult.DebitBelowFloor,
    };

    private static TransferResult CapReason(AccountKind kind) =>
        kind == AccountKind.Clearing ? TransferResult.TrustLimitExceeded : TransferResult.CreditAboveCap;

    private static TransferResult Earliest(TransferResult current, TransferResult candidate) =>
        current == TransferResult.Ok || candidate < current ? candidate : current;
}
