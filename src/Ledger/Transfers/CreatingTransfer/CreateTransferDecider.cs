using EPoomasi.Ledger.Transfers.Deciding;

namespace EPoomasi.Ledger.Transfers.CreatingTransfer;

/// <summary>Decides a <see cref="CreateTransfer"/>: checks in result-list order, then the movement.</summary>
public static class CreateTransferDecider
{
    public static Decision Decide(CreateTransfer command, ILedgerView view, DateTimeOffset now)
    {
        var shape = CheckShape(command);
        if (shape != TransferResult.Ok)
        {
            return Decision.Rejected(shape);
        }

        if (view.FindRecord(command.Id) is { } existing)
        {
            return Idempotency.Repeat(existing, SameFields(command, existing));
        }

        var result = Evaluate(command, view, out var legs);
        if (result != TransferResult.Ok)
        {
            return Decision.Rejected(result, Record(command, result, [], now));
        }

        var record = Record(command, TransferResult.Ok, legs, now);
        var events = command.IsHold
            ? Movement.Events(view, legs, Minutes.Zero, command.AmountMinutes, command.Id, command.Id, default, command.Code, command.Memo, command.By, now)
            : Movement.Events(view, legs, command.AmountMinutes, Minutes.Zero, command.Id, null, default, command.Code, command.Memo, command.By, now);
        return new Decision(TransferResult.Ok, false, record, [record], events);
    }

    internal static TransferResult CheckShape(CreateTransfer command)
    {
        if (command.Id == Guid.Empty) return TransferResult.IdMustNotBeEmpty;
        if (command.DebitAccountId == Guid.Empty) return TransferResult.DebitAccountIdMustNotBeEmpty;
        if (command.CreditAccountId == Guid.Empty) return TransferResult.CreditAccountIdMustNotBeEmpty;
        if (!command.AmountMinutes.IsPositive) return TransferResult.AmountMustBePositive;
        if (command.AmountMinutes > LedgerLimits.MaxTransferMinutes) return TransferResult.AmountExceedsMaximum;
        if (command.DebitAccountId == command.CreditAccountId) return TransferResult.AccountsMustBeDifferent;
        if (!Enum.IsDefined(command.Code)) return TransferResult.CodeUnknown;
        if (!TransferCodeRules.IsSubmittable(command.Code)) return TransferResult.CodeReservedForReversals;
        if (command.Memo.Length > LedgerLimits.MemoMaxLength) return TransferResult.MemoTooLong;
        // Coordinators grant from the pot to neighbours who cannot earn; the memo says why, for auditors.
        if (command.Code == TransferCode.PotGrant && string.IsNullOrWhiteSpace(command.Memo)) return TransferResult.ReasonRequired;
        if (command.HoldTimeout is { } timeout && (timeout < LedgerLimits.MinHoldTimeout || timeout > LedgerLimits.MaxHoldTimeout))
        {
            return TransferResult.HoldTimeoutOutOfRange;
        }

        return TransferResult.Ok;
    }

    private static TransferResult Evaluate(CreateTransfer command, ILedgerView view, out IReadOnlyList<Leg> legs)
    {
        legs = [];
        var debit = view.FindAccount(command.DebitAccountId);
        if (debit is null) return TransferResult.DebitAccountNotFound;
        var credit = view.FindAccount(command.CreditAccountId);
        if (credit is null) return TransferResult.CreditAccountNotFound;

        var crossDistrict = debit.DistrictId != credit.DistrictId;
        if (crossDistrict)
        {
            var outbound = view.FindAccount(WellKnownAccounts.Clearing(debit.DistrictId, credit.DistrictId));
            var inbound = view.FindAccount(WellKnownAccounts.Clearing(credit.DistrictId, debit.DistrictId));
            if (outbound is null || inbound is null) return TransferResult.DistrictsNotLinked;
            legs = [new Leg(debit.Id, outbound.Id), new Leg(inbound.Id, credit.Id)];
        }
        else
        {
            legs = [new Leg(debit.Id, credit.Id)];
        }

        var movable = AccountState.CheckMovable(debit, credit);
        if (movable != TransferResult.Ok) return movable;
        if (!TransferCodeRules.Allows(command.Code, debit.Kind, credit.Kind)) return TransferResult.CodeNotAllowedForAccounts;
        if (crossDistrict && !TransferCodeRules.AllowsCrossDistrict(command.Code)) return TransferResult.CrossDistrictNotAllowedForCode;

        return command.IsHold
            ? Movement.CheckLimits(view, legs, Minutes.Zero, command.AmountMinutes)
            : Movement.CheckLimits(view, legs, command.AmountMinutes, Minutes.Zero);
    }

    private static bool SameFields(CreateTransfer command, TransferRecord existing) =>
        existing.Kind == (command.IsHold ? TransferKind.Hold : TransferKind.Transfer)
        && existing.DebitAccountId == command.DebitAccountId
        && existing.CreditAccountId == command.CreditAccountId
        && existing.AmountMinutes == command.AmountMinutes
        && existing.Code == command.Code
        && existing.Memo == command.Memo
        && existing.HoldTimeout == command.HoldTimeout
        && existing.DealId == command.DealId;

    private static TransferRecord Record(CreateTransfer command, TransferResult result, IReadOnlyList<Leg> legs, DateTimeOffset now)
    {
        var isPendingHold = command.IsHold && result == TransferResult.Ok;
        return new TransferRecord
        {
            Id = command.Id,
            Kind = command.IsHold ? TransferKind.Hold : TransferKind.Transfer,
            Result = result,
            DebitAccountId = command.DebitAccountId,
            CreditAccountId = command.CreditAccountId,
            AmountMinutes = command.AmountMinutes,
            Code = command.Code,
            Memo = command.Memo,
            DealId = command.DealId,
            HoldTimeout = command.HoldTimeout,
            ExpiresAt = isPendingHold ? now + command.HoldTimeout!.Value : null,
            HoldState = isPendingHold ? HoldState.Pending : null,
            Legs = legs,
            By = command.By,
            At = now,
        };
    }
}
