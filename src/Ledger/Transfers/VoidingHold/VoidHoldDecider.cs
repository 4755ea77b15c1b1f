using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Transfers.Deciding;

namespace EPoomasi.Ledger.Transfers.VoidingHold;

/// <summary>
/// Decides a <see cref="VoidHold"/>. Voiding only releases, so frozen accounts and limits never block it;
/// a hold already resolved cannot be voided.
/// </summary>
public static class VoidHoldDecider
{
    public static Decision Decide(VoidHold command, ILedgerView view, DateTimeOffset now)
    {
        if (command.Id == Guid.Empty) return Decision.Rejected(TransferResult.IdMustNotBeEmpty);
        if (command.HoldId == Guid.Empty) return Decision.Rejected(TransferResult.HoldIdMustNotBeEmpty);

        var hold = HoldLookup.Find(view, command.HoldId);
        if (view.FindRecord(command.Id) is { } existing)
        {
            return Idempotency.Repeat(existing, existing.Kind == TransferKind.HoldVoid && existing.HoldId == command.HoldId);
        }

        var result = hold is null ? TransferResult.HoldNotFound : HoldLookup.CheckPending(hold, now);
        var record = new TransferRecord
        {
            Id = command.Id,
            Kind = TransferKind.HoldVoid,
            Result = result,
            DebitAccountId = hold?.DebitAccountId ?? Guid.Empty,
            CreditAccountId = hold?.CreditAccountId ?? Guid.Empty,
            AmountMinutes = hold?.AmountMinutes ?? Minutes.Zero,
            Code = hold?.Code ?? TransferCode.Service,
            Memo = hold?.Memo ?? "",
            DealId = hold?.DealId,
            HoldId = command.HoldId,
            By = command.By,
            At = now,
        };
        if (result != TransferResult.Ok)
        {
            return Decision.Rejected(result, record);
        }

        var events = Movement.Events(view, hold!.Legs, Minutes.Zero, -hold.AmountMinutes, command.Id, hold.Id,
            HoldResolution.Voided, hold.Code, hold.Memo, command.By, now);
        var resolved = hold with { HoldState = HoldState.Voided, ResolvedByTransferId = command.Id, ResolvedAt = now };
        return new Decision(TransferResult.Ok, false, record, [record, resolved], events);
    }
}
