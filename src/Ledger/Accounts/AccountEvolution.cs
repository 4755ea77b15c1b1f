namespace EPoomasi.Ledger.Accounts;

/// <summary>
/// <c>Evolve(state, event) → state</c> for accounts: the only way an account's state changes, used by
/// the writer as it decides and by every fold of a history. Pure; asserts the invariants again on each step.
/// </summary>
public static class AccountEvolution
{
    /// <summary>Applies one event. Throws <see cref="LedgerInvariantException"/> if the result breaks an invariant.</summary>
    public static Account Evolve(Account? state, AccountEvent @event)
    {
        var next = (state, @event) switch
        {
            (null, AccountOpened opened) => new Account
            {
                Id = opened.AccountId,
                DistrictId = opened.DistrictId,
                Kind = opened.Kind,
                CounterpartDistrictId = opened.CounterpartDistrictId,
                Floor = opened.Floor,
                Cap = opened.Cap,
                OpenedAt = opened.At,
            },
            (null, _) => throw new LedgerInvariantException(
                $"Account {@event.AccountId} received {@event.GetType().Name} before it was opened."),
            (not null, AccountOpened) => throw new LedgerInvariantException(
                $"Account {@event.AccountId} was opened twice."),
            (not null, _) when state.Id != @event.AccountId => throw new LedgerInvariantException(
                $"Event for account {@event.AccountId} applied to account {state.Id}."),
            (not null, _) when state.Status == AccountStatus.Closed => throw new LedgerInvariantException(
                $"Account {state.Id} is closed and takes no more events."),
            (not null, AccountLimitsChanged changed) => state with { Floor = changed.Floor, Cap = changed.Cap },
            (not null, AccountFrozen) => state with { Status = AccountStatus.Frozen },
            (not null, AccountUnfrozen) => state with { Status = AccountStatus.Open },
            (not null, AccountClosed) => Closed(state),
            (not null, EntryPosted posted) => Posted(state, posted),
            (not null, HoldReserved reserved) => Reserved(state, reserved),
            (not null, HoldReleased released) => Released(state, released),
            _ => throw new LedgerInvariantException($"Unknown account event {@event.GetType().Name}."),
        };

        LedgerInvariantException.Unless(next.IsWithinLimits,
            $"Account {next.Id} would leave its limits: balance {next.Balance}, pending debits {next.DebitsPending}, " +
            $"pending credits {next.CreditsPending}, floor {next.Floor}, cap {next.Cap} (invariant 3).");
        return next with { Version = checked((state?.Version ?? 0) + 1) };
    }

    /// <summary>Folds a whole stream, oldest first: the rebuild of invariant 7.</summary>
    public static Account? Fold(IEnumerable<AccountEvent> events)
    {
        Account? state = null;
        foreach (var @event in events)
        {
            state = Evolve(state, @event);
        }

        return state;
    }

    private static Account Closed(Account state)
    {
        LedgerInvariantException.Unless(
            state.Balance == Minutes.Zero && state.DebitsPending == Minutes.Zero && state.CreditsPending == Minutes.Zero,
            $"Account {state.Id} closed with balance {state.Balance} or pending amounts.");
        return state with { Status = AccountStatus.Closed };
    }

    private static Account Posted(Account state, EntryPosted posted)
    {
        LedgerInvariantException.Unless(posted.AmountMinutes.IsPositive, $"Entry {posted.TransferId} posts a non-positive amount.");
        var next = posted.Side == EntrySide.Debit
            ? state with { DebitsPosted = state.DebitsPosted + posted.AmountMinutes }
            : state with { CreditsPosted = state.CreditsPosted + posted.AmountMinutes };
        LedgerInvariantException.Unless(next.Balance == posted.BalanceAfterMinutes,
            $"Entry {posted.TransferId} on account {state.Id} records balance {posted.BalanceAfterMinutes} but leaves {next.Balance} (invariant 2).");
        return next;
    }

    private static Account Reserved(Account state, HoldReserved reserved)
    {
        LedgerInvariantException.Unless(reserved.AmountMinutes.IsPositive, $"Hold {reserved.HoldId} reserves a non-positive amount.");
        return reserved.Side == EntrySide.Debit
            ? state with { DebitsPending = state.DebitsPending + reserved.AmountMinutes }
            : state with { CreditsPending = state.CreditsPending + reserved.AmountMinutes };
    }

    private static Account Released(Account state, HoldReleased released)
    {
        var next = released.Side == EntrySide.Debit
            ? state with { DebitsPending = state.DebitsPending - released.AmountMinutes }
            : state with { CreditsPending = state.CreditsPending - released.AmountMinutes };
        LedgerInvariantException.Unless(next.DebitsPending >= Minutes.Zero && next.CreditsPending >= Minutes.Zero,
            $"Hold {released.HoldId} released more than account {state.Id} had reserved (invariant 6).");
        return next;
    }
}
