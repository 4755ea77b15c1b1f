using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Transfers.Deciding;

namespace EPoomasi.Ledger.Transfers.ExpiringHold;

/// <summary>Decides an <see cref="ExpireHold"/>: a pending hold past its timeout is released as expired.</summary>
public static class ExpireHoldDecider
{
    public static Decision Decide(ExpireHold command, ILedgerView view, DateTimeOffset now)
    {
        var hold = HoldLookup.Find(view, command.HoldId);
        if (hold is null) return Decision.Rejected(TransferResult.HoldNotFound);
        if (hold.HoldState != HoldState.Pending) return Decision.Rejected(HoldLookup.CheckPending(hold, now));
        if (now < hold.ExpiresAt) return Decision.Replay(hold); // not due: nothing to do

        var events = Movement.Events(view, hold.Legs, Minutes.Zero, -hold.AmountMinutes, hold.Id, hold.Id,
            HoldResolution.Expired, hold.Code, hold.Memo, command.By, now);
        var expired = hold with { HoldState = HoldState.Expired, ResolvedAt = now };
        return new Decision(TransferResult.Ok, false, expired, [expired], events);
    }
}
