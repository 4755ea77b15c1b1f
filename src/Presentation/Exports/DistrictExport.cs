using EPoomasi.Contracts.Ledger.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace EPoomasi.Presentation.Exports;

/// <summary>
/// A district's members, or every statement line of its accounts, as of one instant, read a page at a time from the
/// gateway and written to a CSV as the pages arrive: the CLI's export and the console's download write the same file.
/// </summary>
public static class DistrictExport
{
    private const int PageSize = 1_000;

    /// <param name="options">Options for each page's call (each its own deadline).</param>
    /// <param name="progress">Told the rows written so far after each page.</param>
    public static Task MembersAsync(ReportService.ReportServiceClient reports, CsvFile csv, string districtId, Timestamp asOf, Func<CallOptions> options, Action<long>? progress = null) =>
        EveryPageAsync(csv, progress, async token =>
        {
            var page = await reports.ListMembersAsync(new ListMembersRequest { DistrictId = districtId, AsOf = asOf, PageSize = PageSize, PageToken = token }, options());
            foreach (var member in page.Members) await csv.WriteMemberAsync(districtId, member);
            return page.NextPageToken;
        });

    /// <inheritdoc cref="MembersAsync"/>
    public static Task EntriesAsync(ReportService.ReportServiceClient reports, CsvFile csv, string districtId, Timestamp asOf, Func<CallOptions> options, Action<long>? progress = null) =>
        EveryPageAsync(csv, progress, async token =>
        {
            var page = await reports.ListDistrictEntriesAsync(new ListDistrictEntriesRequest { DistrictId = districtId, AsOf = asOf, PageSize = PageSize, PageToken = token }, options());
            foreach (var line in page.Entries) await csv.WriteEntryAsync(districtId, line.AccountId, line.Entry);
            return page.NextPageToken;
        });

    // writePage writes the page after a token and returns the next token, empty after the last page.
    private static async Task EveryPageAsync(CsvFile csv, Action<long>? progress, Func<string, Task<string>> writePage)
    {
        var token = string.Empty;
        do
        {
            token = await writePage(token);
            progress?.Invoke(csv.Rows);
        }
        while (token.Length > 0);
    }
}
