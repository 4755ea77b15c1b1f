using Domain = EPoomasi.Ledger;
using Proto = EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Gateway.Mapping;

/// <summary>
/// Domain enums to and from their proto twins, by name (the proto values carry a prefix and start
/// with UNSPECIFIED). A test checks that every domain value has a twin.
/// </summary>
public static class ProtoEnums
{
    public static Proto.TransferResult ToProto(Domain.Transfers.TransferResult value) => Map<Domain.Transfers.TransferResult, Proto.TransferResult>(value);

    public static Proto.TransferCode ToProto(Domain.Transfers.TransferCode value) => Map<Domain.Transfers.TransferCode, Proto.TransferCode>(value);

    public static Proto.TransferKind ToProto(Domain.Transfers.TransferKind value) => Map<Domain.Transfers.TransferKind, Proto.TransferKind>(value);

    public static Proto.HoldState ToProto(Domain.Transfers.HoldState? value) =>
        value is { } state ? Map<Domain.Transfers.HoldState, Proto.HoldState>(state) : Proto.HoldState.Unspecified;

    public static Proto.AccountKind ToProto(Domain.Accounts.AccountKind value) => Map<Domain.Accounts.AccountKind, Proto.AccountKind>(value);

    public static Proto.AccountStatus ToProto(Domain.Accounts.AccountStatus value) => Map<Domain.Accounts.AccountStatus, Proto.AccountStatus>(value);

    public static Proto.EntrySide ToProto(Domain.Accounts.EntrySide value) => Map<Domain.Accounts.EntrySide, Proto.EntrySide>(value);

    public static Proto.MintBudgetPeriod ToProto(Domain.Districts.MintBudgetPeriod value) => Map<Domain.Districts.MintBudgetPeriod, Proto.MintBudgetPeriod>(value);

    /// <summary>The domain period, or an undefined value (which the ledger refuses) for a number it does not know.</summary>
    public static Domain.Districts.MintBudgetPeriod FromProto(Proto.MintBudgetPeriod value) =>
        Enum.TryParse<Domain.Districts.MintBudgetPeriod>(value.ToString(), out var period) && Enum.IsDefined(period) ? period : (Domain.Districts.MintBudgetPeriod)0;

    /// <summary>The domain code, or an undefined value (which the ledger rejects as CodeUnknown) for UNSPECIFIED and unknown numbers.</summary>
    public static Domain.Transfers.TransferCode FromProto(Proto.TransferCode value) =>
        Enum.TryParse<Domain.Transfers.TransferCode>(value.ToString(), out var code) && Enum.IsDefined(code) ? code : (Domain.Transfers.TransferCode)0;

    private static TProto Map<TDomain, TProto>(TDomain value) where TDomain : struct, Enum where TProto : struct, Enum =>
        Enum.Parse<TProto>(value.ToString());
}
