using EPoomasi.Contracts.Ledger.V1;
using Google.Rpc;
using Grpc.Core;

namespace EPoomasi.Cli;

/// <summary>What the CLI shows: accounts, outcomes, statements as tables, and errors in plain words.</summary>
internal static class Printer
{
    public static void Account(Account account) =>
        Console.WriteLine($"  {account.AccountId}  {account.DistrictId,-8} {Label(account.Kind),-9} balance {Hours.Format(account.BalanceMinutes),10}  " +
                          $"available {Hours.Format(account.AvailableMinutes),10}  pending {Hours.Format(account.PendingDebitsMinutes)}  " +
                          $"limits {Hours.Format(account.FloorMinutes)} .. {Hours.Format(account.CapMinutes)}  {Label(account.Status)}");

    public static void Outcome(TransferOutcome outcome)
    {
        var result = outcome.Result == TransferResult.Ok ? "ok" : $"REFUSED: {Label(outcome.Result)}";
        var replayed = outcome.Replayed ? " (already done: original outcome)" : "";
        Console.WriteLine($"  {outcome.TransferId}  {result}{replayed}");
    }

    public static void Transfer(Transfer transfer) =>
        Console.WriteLine($"  {transfer.TransferId}  {Label(transfer.Kind),-9} {Label(transfer.Result),-20} {Hours.Format(transfer.AmountMinutes),9}  " +
                          $"{transfer.DebitAccountId} -> {transfer.CreditAccountId}  {Label(transfer.Code)}  hold: {Label(transfer.HoldState)}  " +
                          $"by {transfer.EnteredBy.ActorId} via {transfer.EnteredBy.Channel} at {transfer.EnteredAt.ToDateTimeOffset():u}");

    public static void Statement(IEnumerable<StatementEntry> entries)
    {
        Console.WriteLine($"  {"#",4}  {"when (UTC)",-20} {"code",-10} {"amount",10} {"balance",10}  {"counterparty",-36}  memo");
        foreach (var entry in entries)
        {
            var signed = entry.Side == EntrySide.Debit ? -entry.AmountMinutes : entry.AmountMinutes;
            Console.WriteLine($"  {entry.Position,4}  {entry.EnteredAt.ToDateTimeOffset():yyyy-MM-dd HH:mm:ss} {Label(entry.Code),-10} {Hours.Format(signed),10} " +
                              $"{Hours.Format(entry.BalanceAfterMinutes),10}  {entry.CounterpartyAccountId,-36}  {entry.Memo}");
        }
    }

    public static void Error(RpcException error)
    {
        Console.WriteLine($"  error {error.StatusCode}: {error.Status.Detail}");
        var status = error.GetRpcStatus();
        if (status?.GetDetail<ErrorInfo>() is { } info)
        {
            Console.WriteLine($"  reason: {info.Reason}");
        }

        foreach (var violation in status?.GetDetail<BadRequest>()?.FieldViolations ?? [])
        {
            Console.WriteLine($"  field {violation.Field}: {violation.Description}");
        }
    }

    /// <summary><c>TRANSFER_RESULT_DEBIT_BELOW_FLOOR</c> reads as <c>debit below floor</c>.</summary>
    public static string Label<TEnum>(TEnum value) where TEnum : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
