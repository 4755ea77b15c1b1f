using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Transfers.Deciding;

namespace EPoomasi.Ledger.Transfers.PostingHold;

/// <summary>Decides a <see cref="PostHold"/>. Only a pending, unexpired hold can be posted, once.</summary>
public static class PostHoldDecider
{
    public static Decision Decide(PostHold command, ILedgerView view, DateTimeOffset now)
    {
        var shape = CheckShape(command);
        if (shape != TransferResult.Ok)
        {
            return Decision.Rejected(shape);
        }

        var hold = HoldLookup.Find(view, command.HoldId);
        if (view.FindRecord(command.Id) is { } existing)
        {
            return Idempotency.Repeat(existing, existing.Kind == TransferKind.HoldPost
                && existing.HoldId == command.HoldId
                && existing.RequestedAmountMinutes == command.AmountMinutes);
        }

        if (hold is null)
        {
            return Decision.Rejected(TransferResult.HoldNotFound, Failure(command, null, command.AmountMinutes ?? Minutes.Zero, TransferResult.HoldNotFound, now));
        }

        var amount = command.AmountMinutes ?? hold.AmountMinutes;
        var result = Evaluate(command, hold, amount, view, now);
        if (result != TransferResult.Ok)
        {
            return Decision.Rejected(result, Failure(command, hold, amount, result, now));
        }

        var events = Movement.Events(view, hold.Legs, amount, -hold.AmountMinutes, command.Id, hold.Id,
            HoldResolution.Posted, hold.Code, hold.Memo, command.By, now);
        var post = Failure(command, hold, amount, TransferResult.Ok, now) with { Legs = hold.Legs };
        var resolved = hold with
        {
            HoldState = HoldState.Posted,
            PostedAmountMinutes = amount,
            ResolvedByTransferId = command.Id,
            ResolvedAt = now,
        };
        return new Decision(TransferResult.Ok, false, post, [post, resolved], events);
    }

    internal static TransferResult CheckShape(PostHold command)
    {
        if (command.Id == Guid.Empty) return TransferResult.IdMustNotBeEmpty;
        if (command.HoldId == Guid.Empty) return TransferResult.HoldIdMustNotBeEmpty;
        if (command.AmountMinutes is { } amount && !amount.IsPositive) return TransferResult.AmountMustBePositive;
        if (command.AmountMinutes > LedgerLimits.MaxTransferMinutes) return TransferResult.AmountExceedsMaximum;
        return TransferResult.Ok;
    }

    private static TransferResult Evaluate(PostHold command, TransferRecord hold, Minutes amount, ILedgerView view, DateTimeOffset now)
    {
        var debit = view.FindAccount(hold.DebitAccountId)!;
        var credit = view.FindAccount(hold.CreditAccountId)!;
        var movable = AccountState.CheckMovable(debit, credit);
        if (movable != TransferResult.Ok) return movable;

        var resolution = HoldLookup.CheckPending(hold, now);
        if (resolution != TransferResult.Ok) return resolution;
        if (amount > hold.AmountMinutes) return TransferResult.PostExceedsHeldAmount;

        return Movement.CheckLimits(view, hold.Legs, amount, -hold.AmountMinutes);
    }

    // The post's own record: what it moved, on which hold. Its accounts are the hold's.
    private static TransferRecord Failure(PostHold command, TransferRecord? hold, Minutes amount, TransferResult result, DateTimeOffset now) => new()
    {
        Id = command.Id,
        Kind = TransferKind.HoldPost,
        Result = result,
        DebitAccountId = hold?.DebitAccountId ?? Guid.Empty,
        CreditAccountId = hold?.CreditAccountId ?? Guid.Empty,
        AmountMinutes = amount,
        Code = hold?.Code ?? TransferCode.Service,
        Memo = hold?.Memo ?? "",
        DealId = hold?.DealId,
        HoldId = command.HoldId,
        RequestedAmountMinutes = command.AmountMinutes,
        By = command.By,
        At = now,
    };
}
