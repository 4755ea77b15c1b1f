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
                          $"by {transfer.EnteredBy.ActorId} via {transfer.EnteredBy.Channel} at {Seoul.Format(transfer.EnteredAt)}");

    public static void Statement(IEnumerable<StatementEntry> entries)
    {
        Console.WriteLine($"  {"#",4}  {"시각 / when (Seoul)",-20} {"code",-10} {"amount",10} {"balance",10}  {"counterparty",-36}  memo");
        foreach (var entry in entries)
        {
            var signed = entry.Side == EntrySide.Debit ? -entry.AmountMinutes : entry.AmountMinutes;
            Console.WriteLine($"  {entry.Position,4}  {Seoul.Format(entry.EnteredAt),-20} {Label(entry.Code),-10} {Hours.Format(signed),10} " +
                              $"{Hours.Format(entry.BalanceAfterMinutes),10}  {(entry.CounterpartyLabel.Length > 0 ? entry.CounterpartyLabel : entry.CounterpartyAccountId),-36}  {entry.Memo}");
        }
    }

    public static void TrialBalance(GetTrialBalanceResponse trial)
    {
        Console.WriteLine($"  합계 / sum of all balances {Hours.Format(trial.TotalMinutes)}{(trial.TotalMinutes == 0 ? "" : "  — 불균형 / NOT BALANCED")}");
        Console.WriteLine($"  발행 / issued {Hours.Format(trial.IssuedMinutes)}, 남은 발행 한도 / budget left {Hours.Format(trial.MintBudgetRemainingMinutes)}, " +
                          $"유통 / in circulation {Hours.Format(trial.InCirculationMinutes)}, 보류 / pending {Hours.Format(trial.PendingMinutes)}");
        Console.WriteLine($"  공동기금 / community pot {Hours.Format(trial.CommunityPotMinutes)}, 지원 누계 / granted {Hours.Format(trial.GrantedFromPotMinutes)}, 회원 / members {trial.MemberCount:N0}");
        foreach (var (counterpart, position) in trial.ClearingPositionsMinutes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  정산 / clearing with {counterpart}: {Hours.Format(position)}");
        }
    }

    public static void Verification(VerifyJournalResponse verified)
    {
        Console.WriteLine(verified.Holds
            ? $"  장부 해시 체인 이상 없음 / the journal's hash chain holds: {verified.VerifiedRows:N0} sealed rows verified, {verified.UnsealedRows:N0} not sealed yet"
            : $"  장부 해시 체인 손상 / the journal's hash chain is BROKEN at row {verified.FirstBreak.Sequence}: {Broken(verified.FirstBreak.Kind)}");
        if (verified.Head is { } head)
        {
            Console.WriteLine($"  마지막 봉인 / last sealed link (keep it to verify from it later): {head.Sequence}:{head.Hash}");
        }
    }

    public static void Rebuild(RebuildProjectionsResponse rebuilt)
    {
        var rows = string.Join(", ", rebuilt.RowsCompared.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value:N0}"));
        Console.WriteLine($"  이벤트 {rebuilt.EventsRead:N0}건 읽음 / {rebuilt.EventsRead:N0} events read (up to {rebuilt.LastSequence}); rows: {rows}");
        if (rebuilt.Agrees)
        {
            Console.WriteLine("  모든 테이블 일치 / every table equals its rebuild from the event log");
            return;
        }

        var difference = rebuilt.FirstDifference;
        Console.WriteLine($"  불일치 / DIFFERENCE in {difference.Table}, {difference.Key}, column {difference.Column}:");
        Console.WriteLine($"    실제 / live:    {(difference.Live.Length > 0 ? difference.Live : "(no row)")}");
        Console.WriteLine($"    재구성 / rebuilt: {(difference.Rebuilt.Length > 0 ? difference.Rebuilt : "(no row)")}");
    }

    private static string Broken(JournalBreakKind kind) => kind switch
    {
        JournalBreakKind.Altered => "변경됨 / the row no longer matches its sealed link",
        JournalBreakKind.Missing => "삭제됨 / a sealed row is missing",
        JournalBreakKind.Inserted => "삽입됨 / a row appeared inside the sealed range",
        JournalBreakKind.UnknownStart => "시작 링크 불일치 / the link to start from is not in the chain",
        _ => kind.ToString(),
    };

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
