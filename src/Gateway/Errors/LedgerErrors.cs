using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Transfers;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace EPoomasi.Gateway.Errors;

/// <summary>
/// A ledger rejection as a gRPC error: shape → INVALID_ARGUMENT, unknown thing → NOT_FOUND, any other
/// business rule → FAILED_PRECONDITION; every one carries an ErrorInfo whose reason is the result code.
/// </summary>
public static class LedgerErrors
{
    /// <summary>The domain of every ErrorInfo the ledger gives.</summary>
    public const string Domain = "ledger.epoomasi.org";

    public static RpcException For(TransferResult result, Guid itemId)
    {
        var code = result switch
        {
            >= TransferResult.IdMustNotBeEmpty and < TransferResult.ExistsWithDifferentFields => Code.InvalidArgument,
            >= TransferResult.DebitAccountNotFound and < TransferResult.DebitAccountFrozen => Code.NotFound,
            _ => Code.FailedPrecondition,
        };
        return Build(code, ReasonCode(result), $"Rejected: {Describe(result)}.", new() { ["item_id"] = itemId.ToString() });
    }

    public static RpcException For(AdminResult result)
    {
        var code = result switch
        {
            >= AdminResult.IdMustNotBeEmpty and < AdminResult.ExistsWithDifferentFields => Code.InvalidArgument,
            AdminResult.DistrictNotFound or AdminResult.AccountNotFound => Code.NotFound,
            _ => Code.FailedPrecondition,
        };
        return Build(code, ReasonCode(result), $"Rejected: {Describe(result)}.", []);
    }

    /// <summary>A rule of the gateway's, outside the ledger's result codes: FAILED_PRECONDITION with its own reason.</summary>
    /// <summary>A business rule refuses the request as things stand: FAILED_PRECONDITION with the rule's reason code.</summary>
    public static RpcException Refused(string reason, string message) => Build(Code.FailedPrecondition, reason, message, []);

    public static RpcException Precondition(string reason, string message, Guid itemId) =>
        Build(Code.FailedPrecondition, reason, message, new() { ["item_id"] = itemId.ToString() });

    /// <summary>An account, district or other thing that does not exist.</summary>
    public static RpcException NotFound(string what) => Build(Code.NotFound, "NOT_FOUND", $"{ErrorText.Clip(what)} was not found.", []);

    /// <summary><c>DebitBelowFloor</c> → <c>DEBIT_BELOW_FLOOR</c>.</summary>
    public static string ReasonCode<TEnum>(TEnum value) where TEnum : struct, System.Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    private static string Describe<TEnum>(TEnum value) where TEnum : struct, System.Enum =>
        ReasonCode(value).Replace('_', ' ').ToLowerInvariant();

    private static RpcException Build(Code code, string reason, string message, Dictionary<string, string> metadata)
    {
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        info.Metadata.Add(metadata);
        return new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } }.ToRpcException();
    }
}
