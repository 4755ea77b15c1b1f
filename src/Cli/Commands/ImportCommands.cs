using System.CommandLine;
using EPoomasi.Cli.Imports;
using EPoomasi.Contracts.Community.V1;
using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Cli.Commands;

/// <summary>Moving a district in from another time bank: check the whole file first, then import it.</summary>
internal static class ImportCommands
{
    private const int BatchRows = 500;
    private static readonly bool[] PositiveFirst = [true, false];

    public static IEnumerable<Command> All()
    {
        var file = new Argument<string>("file") { Description = $"회원 CSV 파일 / the members' CSV file. 열 columns: {ImportFile.Columns}" };
        var district = Inputs.District();
        var dryRun = new Option<bool>("--dry-run") { Description = "검사만 하고 바꾸지 않음 / check every row and change nothing" };
        var skipBad = new Option<bool>("--skip-bad") { Description = "잘못된 줄은 건너뛰고 나머지를 가져옴 / import the good rows even when some are bad" };
        yield return Define.Command("import", "다른 타임뱅크에서 회원과 잔액 가져오기 / import members and opening balances from another time bank's CSV (coordinators)",
            [file, district, dryRun, skipBad],
            async (parse, session, cancellationToken) =>
            {
                var path = parse.GetValue(file)!;
                if (!File.Exists(path)) throw new UsageException($"'{path}' 파일이 없습니다 / there is no such file.");
                var districtId = session.District(parse.GetValue(district));
                var community = session.Gateway.Community(session.Token);
                var source = new ImportFile(path);

                // First the whole file, checked: nothing is imported while a row is wrong, unless asked to skip them.
                var (bad, rows, incoming) = (new List<(int Line, string Problem)>(), 0L, 0L);
                await Exports.Progress.RunAsync("검사 / checking", null, async done =>
                {
                    await foreach (var batch in BatchesAsync(source, cancellationToken))
                    {
                        bad.AddRange(batch.Where(b => b.Problem is not null).Select(b => (b.Row.Line, b.Problem!)));
                        var readable = batch.Where(b => b.Problem is null).Select(b => b.Row).ToList();
                        rows += batch.Count;
                        incoming += readable.Where(r => r.OpeningBalanceMinutes > 0).Sum(r => r.OpeningBalanceMinutes);
                        if (readable.Count > 0)
                        {
                            var checkedRows = await community.ImportMembersAsync(new ImportMembersRequest { DistrictId = districtId, DryRun = true, Rows = { readable } }, cancellationToken: cancellationToken);
                            bad.AddRange(checkedRows.Rows.Where(r => r.Result == ImportResult.Invalid).Select(r => (r.Line, r.Problem)));
                        }

                        done(rows);
                    }

                    return rows;
                });

                foreach (var (line, problem) in bad.OrderBy(b => b.Line)) Console.WriteLine($"  {line}행 / line {line}: {problem}");
                var remaining = (await session.Gateway.Ledger(session.Token).GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = districtId, PageSize = 1 }, cancellationToken: cancellationToken))
                    .MintBudgetRemainingMinutes;
                var overBudget = incoming > remaining;
                if (overBudget) Console.WriteLine($"  이전 잔액 합계 {Hours.Format(incoming)}가 남은 발행 예산 {Hours.Format(remaining)}보다 큽니다 / the opening balances ({Hours.Format(incoming)}) exceed the mint budget left ({Hours.Format(remaining)})");
                Console.WriteLine($"  {rows:N0}줄 중 잘못된 줄 {bad.Count:N0} / bad rows: {bad.Count:N0} of {rows:N0}");
                if (parse.GetValue(dryRun)) return bad.Count == 0 && !overBudget ? 0 : 1;
                if (overBudget || (bad.Count > 0 && !parse.GetValue(skipBad)))
                {
                    Console.WriteLine("  아무것도 가져오지 않았습니다. 고쳐서 다시 하거나 --skip-bad / nothing imported: fix the file and run again, or pass --skip-bad");
                    return 1;
                }

                var skip = bad.Select(b => b.Line).ToHashSet();
                var counts = new Dictionary<ImportResult, long>();
                var refused = new List<(int Line, string Problem)>();
                // Positive balances first: the minutes a negative balance gives back to issuance must have been issued before.
                await Exports.Progress.RunAsync("가져오기 / importing", rows - skip.Count, async done =>
                {
                    var imported = 0L;
                    foreach (var positive in PositiveFirst)
                    {
                        await foreach (var batch in BatchesAsync(source, cancellationToken))
                        {
                            var good = batch.Where(b => b.Problem is null && !skip.Contains(b.Row.Line) && b.Row.OpeningBalanceMinutes > 0 == positive).Select(b => b.Row).ToList();
                            if (good.Count == 0) continue;
                            var results = await community.ImportMembersAsync(new ImportMembersRequest { DistrictId = districtId, Rows = { good } }, cancellationToken: cancellationToken);
                            foreach (var result in results.Rows)
                            {
                                counts[result.Result] = counts.GetValueOrDefault(result.Result) + 1;
                                if (result.Result is ImportResult.BalanceRefused or ImportResult.Invalid) refused.Add((result.Line, result.Problem));
                            }

                            imported += good.Count;
                            done(imported);
                        }
                    }

                    return imported;
                });

                foreach (var (line, problem) in refused.OrderBy(r => r.Line)) Console.WriteLine($"  {line}행 / line {line}: {problem}");
                Console.WriteLine($"  가져옴 imported: {counts.GetValueOrDefault(ImportResult.Ok):N0}, 이미 있음 already there: {counts.GetValueOrDefault(ImportResult.AlreadyImported):N0}, " +
                                  $"거절 refused: {refused.Count:N0}, 건너뜀 skipped: {skip.Count:N0}");
                return refused.Count == 0 ? 0 : 1;
            });
    }

    private static async IAsyncEnumerable<List<(ImportMemberRow Row, string? Problem)>> BatchesAsync(
        ImportFile source, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<(ImportMemberRow, string?)>(BatchRows);
        await foreach (var row in source.ReadAsync(cancellationToken))
        {
            batch.Add(row);
            if (batch.Count == BatchRows)
            {
                yield return batch;
                batch = new List<(ImportMemberRow, string?)>(BatchRows);
            }
        }

        if (batch.Count > 0) yield return batch;
    }
}
