using CsvHelper;
using EPoomasi.Presentation.Reports;
using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Presentation.Exports;

/// <summary>
/// A CSV file for a spreadsheet, written by CsvHelper a record at a time as pages arrive, so an export of a large
/// district holds one page in memory. UTF-8 with a byte order mark: without it, Excel reads Korean as mojibake.
/// Text people typed (memos, names) that starts like a formula is escaped, so a spreadsheet shows it instead of
/// running it; numbers are written as numbers. Headers are Korean first; times are Seoul's.
/// </summary>
public sealed class CsvFile : IAsyncDisposable
{
    private static readonly CsvWriterOptions Options = new() { WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    private readonly CsvWriter _csv;

    private CsvFile(Stream stream, bool leaveOpen) => _csv = CsvWriter.Create(stream, Options, leaveOpen);

    /// <summary>Records written, the header excluded.</summary>
    public long Rows { get; private set; }

    public static Task<CsvFile> CreateAsync(string path, string[] header) => StartAsync(new CsvFile(File.Create(path), leaveOpen: false), header);

    /// <summary>A CSV written to <paramref name="stream"/> (a download's response body), which stays open.</summary>
    public static Task<CsvFile> CreateAsync(Stream stream, string[] header) => StartAsync(new CsvFile(stream, leaveOpen: true), header);

    private static async Task<CsvFile> StartAsync(CsvFile file, string[] header)
    {
        await file._csv.WriteRecordAsync(header);
        return file;
    }

    public static readonly string[] EntryHeader =
    [
        "구 district", "계정 account", "순번 position", "일시 at (Seoul)", "구분 side", "분 minutes", "시간 hours", "잔액(분) balance after (minutes)",
        "상대 계정 counterparty", "상대 counterparty name", "종류 code", "메모 memo", "입력자 entered by", "대리 on behalf of", "경로 channel", "거래 transfer",
    ];

    public async Task WriteEntryAsync(string districtId, string accountId, StatementEntry entry)
    {
        var signed = entry.Side == EntrySide.Debit ? -entry.AmountMinutes : entry.AmountMinutes;
        _csv.WriteField(districtId);
        _csv.WriteField(accountId);
        _csv.WriteField(entry.Position, default);
        _csv.WriteField(Seoul.Format(entry.EnteredAt));
        _csv.WriteField(entry.Side == EntrySide.Debit ? "지출 debit" : "수입 credit");
        _csv.WriteField(signed, default);
        _csv.WriteField(Hours.Format(signed));
        _csv.WriteField(entry.BalanceAfterMinutes, default);
        _csv.WriteField(entry.CounterpartyAccountId);
        _csv.WriteField(entry.CounterpartyLabel);
        _csv.WriteField(Categories.Label(entry.Code));
        _csv.WriteField(entry.Memo);
        _csv.WriteField(entry.EnteredBy?.ActorId ?? "");
        _csv.WriteField(entry.EnteredBy?.OnBehalfOf ?? "");
        _csv.WriteField(entry.EnteredBy?.Channel ?? "");
        _csv.WriteField(entry.TransferId);
        await EndAsync();
    }

    public static readonly string[] MemberHeader =
    [
        "구 district", "계정 account", "이름 name", "잔액(분) balance (minutes)", "잔액 balance", "하한(분) floor (minutes)", "상한(분) cap (minutes)",
        "마지막 활동 last activity (Seoul)", "개설 opened (Seoul)",
    ];

    public async Task WriteMemberAsync(string districtId, MemberStanding member)
    {
        _csv.WriteField(districtId);
        _csv.WriteField(member.AccountId);
        _csv.WriteField(member.HolderName);
        _csv.WriteField(member.BalanceMinutes, default);
        _csv.WriteField(Hours.Format(member.BalanceMinutes));
        _csv.WriteField(member.FloorMinutes, default);
        _csv.WriteField(member.CapMinutes, default);
        _csv.WriteField(Seoul.Format(member.LastActivity));
        _csv.WriteField(Seoul.Format(member.OpenedAt));
        await EndAsync();
    }

    private async Task EndAsync()
    {
        await _csv.EndRecordAsync();
        Rows++;
    }

    public ValueTask DisposeAsync() => _csv.DisposeAsync();
}
