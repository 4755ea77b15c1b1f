using Google.Protobuf.WellKnownTypes;
using Domain = EPoomasi.Ledger;
using Proto = EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Gateway.Mapping;

/// <summary>Domain records and reads as proto messages.</summary>
public static class ProtoMessages
{
    public static Proto.Account ToProto(Domain.Accounts.Account account) => new()
    {
        AccountId = account.Id.ToString(),
        DistrictId = account.DistrictId,
        Kind = ProtoEnums.ToProto(account.Kind),
        CounterpartDistrictId = account.CounterpartDistrictId ?? "",
        Status = ProtoEnums.ToProto(account.Status),
        BalanceMinutes = account.Balance.Value,
        PendingDebitsMinutes = account.DebitsPending.Value,
        PendingCreditsMinutes = account.CreditsPending.Value,
        AvailableMinutes = account.Available.Value,
        FloorMinutes = account.Floor.Value,
        CapMinutes = account.Cap.Value,
        OpenedAt = Timestamp.FromDateTimeOffset(account.OpenedAt),
    };

    public static Proto.District ToProto(Domain.Districts.District district)
    {
        var proto = new Proto.District
        {
            DistrictId = district.Id, Name = district.Name, NameRomanized = district.NameRomanized ?? "",
            MemberFloorMinutes = district.MemberFloor.Value, MemberCapMinutes = district.MemberCap.Value, MintBudgetMinutes = district.MintBudget.Value,
            IssuanceAccountId = district.IssuanceAccountId.ToString(), CommunityPotAccountId = district.CommunityPotAccountId.ToString(),
            WelcomeGrantMinutes = district.WelcomeGrant?.Value ?? 0,
            MintApprovalAboveMinutes = district.MintApprovalAbove?.Value ?? 0,
            MintBudgetPeriod = ProtoEnums.ToProto(district.MintBudgetPeriod ?? Domain.Districts.MintBudgetPeriod.Lifetime),
            MintBudgetPeriodOpened = district.MintBudgetPeriodOpened ?? "",
        };
        proto.TrustLimitsMinutes.Add(district.TrustLimits.ToDictionary(t => t.Key, t => t.Value.Value));
        proto.Coordinators.AddRange(district.Coordinators ?? []);
        return proto;
    }

    public static Proto.Attribution ToProto(Domain.Attribution by) => new()
    {
        ActorId = by.ActorId,
        OnBehalfOf = by.OnBehalfOf ?? "",
        Channel = by.Channel,
    };

    public static Proto.Transfer ToProto(Domain.Transfers.TransferRecord record)
    {
        var transfer = new Proto.Transfer
        {
            TransferId = record.Id.ToString(),
            Kind = ProtoEnums.ToProto(record.Kind),
            Result = ProtoEnums.ToProto(record.Result),
            DebitAccountId = Id(record.DebitAccountId),
            CreditAccountId = Id(record.CreditAccountId),
            AmountMinutes = record.AmountMinutes.Value,
            Code = ProtoEnums.ToProto(record.Code),
            Memo = record.Memo,
            DealId = Id(record.DealId),
            HoldId = Id(record.HoldId),
            ReversesTransferId = Id(record.ReversesTransferId),
            Reason = record.Reason ?? "",
            ExpiresAt = record.ExpiresAt is { } expires ? Timestamp.FromDateTimeOffset(expires) : null,
            HoldState = ProtoEnums.ToProto(record.HoldState),
            PostedAmountMinutes = record.PostedAmountMinutes?.Value ?? 0,
            ResolvedByTransferId = Id(record.ResolvedByTransferId),
            ReversedByTransferId = Id(record.ReversedByTransferId),
            EnteredBy = ToProto(record.By),
            EnteredAt = Timestamp.FromDateTimeOffset(record.At),
        };
        transfer.Legs.AddRange(record.Legs.Select(leg => new Proto.Leg { DebitAccountId = leg.DebitAccountId.ToString(), CreditAccountId = leg.CreditAccountId.ToString() }));
        return transfer;
    }

    public static Proto.TransferOutcome ToProto(Domain.Transfers.TransferOutcome outcome) => new()
    {
        TransferId = outcome.Id.ToString(),
        Result = ProtoEnums.ToProto(outcome.Result),
        Replayed = outcome.Replayed,
        Transfer = outcome.Record is { } record ? ToProto(record) : null,
    };

    public static Proto.StatementEntry ToProto(Domain.Reading.StatementEntry entry) => new()
    {
        Position = entry.Position,
        TransferId = entry.TransferId.ToString(),
        Side = ProtoEnums.ToProto(entry.Side),
        AmountMinutes = entry.AmountMinutes.Value,
        BalanceAfterMinutes = entry.BalanceAfterMinutes.Value,
        CounterpartyAccountId = entry.CounterpartyAccountId.ToString(),
        Code = ProtoEnums.ToProto(entry.Code),
        Memo = entry.Memo,
        EnteredBy = ToProto(entry.By),
        EnteredAt = Timestamp.FromDateTimeOffset(entry.At),
    };

    private static string Id(Guid? id) => id is { } value && value != Guid.Empty ? value.ToString() : "";
}
