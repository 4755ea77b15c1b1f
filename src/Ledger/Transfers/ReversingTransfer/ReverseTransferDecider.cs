using EPoomasi.Ledger.Transfers.Deciding;

namespace EPoomasi.Ledger.Transfers.ReversingTransfer;

/// <summary>Decides a <see cref="ReverseTransfer"/>: every leg of the original, mirrored.</summary>
public static class ReverseTransferDecider
{
    public static Decision Decide(ReverseTransfer command, ILedgerView view, DateTimeOffset now)
    {
        if (command.Id == Guid.Empty) return Decision.Rejected(TransferResult.IdMustNotBeEmpty);
        if (command.TransferId == Guid.Empty) return Decision.Rejected(TransferResult.ReversedTransferIdMustNotBeEmpty);
        if (string.IsNullOrWhiteSpace(command.Reason)) return Decision.Rejected(TransferResult.ReasonRequired);
        if (command.Reason.Length > LedgerLimits.ReasonMaxLength) return Decision.Rejected(TransferResult.ReasonTooLong);

        var original = view.FindRecord(command.TransferId) is { Result: TransferResult.Ok } found ? found : null;
        if (view.FindRecord(command.Id) is { } existing)
        {
            return Idempotency.Repeat(existing, existing.Kind == TransferKind.Reversal
                && existing.ReversesTransferId == command.TransferId
                && existing.Reason == command.Reason);
        }

        var legs = original?.Legs.Reverse().Select(leg => new Leg(leg.CreditAccountId, leg.DebitAccountId)).ToList() ?? [];
        var result = Evaluate(original, legs, view);
        var record = new TransferRecord
        {
            Id = command.Id,
            Kind = TransferKind.Reversal,
            Result = result,
            DebitAccountId = original?.CreditAccountId ?? Guid.Empty,
            CreditAccountId = original?.DebitAccountId ?? Guid.Empty,
            AmountMinutes = original?.AmountMinutes ?? Minutes.Zero,
            Code = TransferCode.Reversal,
            Memo = original?.Memo ?? "",
            DealId = original?.DealId,
            ReversesTransferId = command.TransferId,
            Reason = command.Reason,
            Legs = result == TransferResult.Ok ? legs : [],
            By = command.By,
            At = now,
        };
        if (result != TransferResult.Ok)
        {
            return Decision.Rejected(result, record);
        }

        var events = Movement.Events(view, legs, original!.AmountMinutes, Minutes.Zero, command.Id, null, default,
            TransferCode.Reversal, command.Reason, command.By, now);
        var reversed = original with { ReversedByTransferId = command.Id };
        return new Decision(TransferResult.Ok, false, record, [record, reversed], events);
    }

    private static TransferResult Evaluate(TransferRecord? original, IReadOnlyList<Leg> legs, ILedgerView view)
    {
        if (original is null) return TransferResult.TransferNotFound;

        // The mirrored transfer's debit side is the original credit account, and vice versa.
        var debit = view.FindAccount(original.CreditAccountId)!;
        var credit = view.FindAccount(original.DebitAccountId)!;
        var movable = AccountState.CheckMovable(debit, credit);
        if (movable != TransferResult.Ok) return movable;
        if (original.Kind is not (TransferKind.Transfer or TransferKind.HoldPost)) return TransferResult.TransferNotReversible;
        if (original.ReversedByTransferId is not null) return TransferResult.TransferAlreadyReversed;

        return Movement.CheckLimits(view, legs, original.AmountMinutes, Minutes.Zero);
    }
}
