using System.CommandLine;
using EPoomasi.Cli.Exports;
using EPoomasi.Presentation.Exports;
using EPoomasi.Contracts.Ledger.V1;
using Google.Protobuf.WellKnownTypes;

namespace EPoomasi.Cli.Commands;

/// <summary>CSV files for spreadsheets: a statement, a district's members, a district's books; or the whole city's.</summary>
internal static class ExportCommands
{
    private const int PageSize = 1_000;  // a statement's pages

    public static Command Export()
    {
        var export = new Command("export", "CSV 내보내기 (엑셀용, UTF-8 BOM) / CSV files for spreadsheets (UTF-8 with a BOM, for Excel)");
        foreach (var command in All()) export.Subcommands.Add(command);
        return export;
    }

    private static IEnumerable<Command> All()
    {
        var file = new Argument<string>("file") { Description = "저장할 CSV 파일 / the CSV file to write" };
        var account = Inputs.Id("account", "계정 / the account");
        yield return Define.Command("statement", "계정 거래 내역 / an account's statement", [account, file],
            async (parse, session, cancellationToken) =>
            {
                var ledger = session.Gateway.Ledger(session.Token);
                var found = await ledger.GetAccountAsync(new GetAccountRequest { AccountId = parse.GetValue(account)! }, cancellationToken: cancellationToken);
                await using var csv = await CsvFile.CreateAsync(parse.GetValue(file)!, CsvFile.EntryHeader);
                var rows = await Progress.RunAsync("거래 내역 / statement", null, async done =>
                {
                    var request = new ListStatementEntriesRequest { AccountId = found.Account.AccountId, PageSize = PageSize };
                    do
                    {
                        var page = await ledger.ListStatementEntriesAsync(request, cancellationToken: cancellationToken);
                        foreach (var entry in page.Entries) await csv.WriteEntryAsync(found.Account.DistrictId, found.Account.AccountId, entry);
                        done(csv.Rows);
                        request.PageToken = page.NextPageToken;
                    }
                    while (request.PageToken.Length > 0);
                    return csv.Rows;
                });
                return Written(parse.GetValue(file)!, rows);
            });

        var district = Inputs.District();
        var city = new Option<bool>("--city") { Description = "모든 구 / every district of the city (auditors)" };
        var asOf = Inputs.InstantOption("--as-of", "기준 시각 / as of this instant (now when left out)");
        yield return Define.Command("members", "회원 명단과 잔액 / a district's members with their balances", [file, district, city, asOf],
            (parse, session, cancellationToken) => ExportAsync(parse, session, file, district, city, asOf, "회원 / members", CsvFile.MemberHeader,
                (csv, id, at, done) => DistrictExport.MembersAsync(session.Gateway.Reports(session.Token), csv, id, at, () => new(cancellationToken: cancellationToken), done),
                cancellationToken));

        yield return Define.Command("entries", "구의 모든 거래 내역 (계정별) / every statement line of a district's accounts, account by account", [file, district, city, asOf],
            (parse, session, cancellationToken) => ExportAsync(parse, session, file, district, city, asOf, "거래 내역 / entries", CsvFile.EntryHeader,
                (csv, id, at, done) => DistrictExport.EntriesAsync(session.Gateway.Reports(session.Token), csv, id, at, () => new(cancellationToken: cancellationToken), done),
                cancellationToken));
    }

    // Writes a district's list, or every district's, as of one instant, into one CSV file.
    private static async Task<int> ExportAsync(
        ParseResult parse, Session session, Argument<string> file, Option<string?> district, Option<bool> city, Option<DateTimeOffset?> asOf, string title, string[] header,
        Func<CsvFile, string, Timestamp, Action<long>, Task> writeDistrict, CancellationToken cancellationToken)
    {
        var districts = await DistrictsAsync(parse, session, district, city, cancellationToken);
        var at = Timestamp.FromDateTimeOffset(parse.GetValue(asOf) ?? TimeProvider.System.GetUtcNow());
        await using var csv = await CsvFile.CreateAsync(parse.GetValue(file)!, header);
        var rows = await Progress.RunAsync(title, null, async done =>
        {
            foreach (var id in districts) await writeDistrict(csv, id, at, done);
            return csv.Rows;
        });
        return Written(parse.GetValue(file)!, rows);
    }

    private static async Task<IReadOnlyList<string>> DistrictsAsync(ParseResult parse, Session session, Option<string?> district, Option<bool> city, CancellationToken cancellationToken)
    {
        if (!parse.GetValue(city)) return [session.District(parse.GetValue(district))];
        var all = await session.Gateway.Ledger(session.Token).ListDistrictsAsync(new ListDistrictsRequest(), cancellationToken: cancellationToken);
        return all.Districts.Select(d => d.DistrictId).ToList();
    }

    private static int Written(string path, long rows)
    {
        Console.WriteLine($"  {rows:N0}줄을 썼습니다 / rows written: {path}");
        return 0;
    }
}
