using System.Text;
using EPoomasi.Contracts.Community.V1;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;

namespace EPoomasi.Gateway.Tests;

[Collection(ConsoleOutput.Name)]
public sealed class a_district_moves_in_from_another_time_bank(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A TimeOverflow-like export: id, name, e-mail, balance in hours and minutes. Lines 2 and up are members; the bad
    // ones are an amount that is not one, an id used twice, and a balance below the district's floor (-10h).
    private static async Task<(string Path, int[] BadLines)> FileAsync(DirectoryInfo folder, int members)
    {
        var path = Path.Combine(folder.FullName, "members.csv");
        var text = new StringBuilder("id,name,email,balance,skills\n");
        for (var i = 0; i < members; i++)
        {
            var line = i + 2;
            var (id, balance) = line == 7 ? ($"m{i}", "열 시간")
                : line == 50 ? ("m3", "1h")
                : line == members + 1 ? ($"m{i}", "-12h")
                : ($"m{i}", i % 5 == 0 ? "-30m" : $"{i % 4}h {i % 60}m");
            text.Append(id).Append(",김회원").Append(i).Append(",member").Append(i).Append("@example.org,").Append(balance).Append(",요리;청소\n");
        }

        await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), Ct);
        return (path, [7, 50, members + 1]);
    }

    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task a_dry_run_of_ten_thousand_rows_reports_exactly_the_three_bad_ones_and_changes_nothing()
    {
        var district = await Seed.DistrictAsync(gateway);
        var folder = Directory.CreateTempSubdirectory("epoomasi-import-");
        var (path, bad) = await FileAsync(folder, 10_000);

        var (exit, output) = await CliRun.RunAsync(gateway.GrpcAddress.ToString(), GatewayFixture.Coordinator(district), "import", path, "--dry-run");

        Assert.Equal(1, exit);
        var reported = output.Split('\n').Where(l => l.Contains("행 / line ", StringComparison.Ordinal)).Select(l => int.Parse(l.Trim().Split('행')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(bad, reported);
        Assert.Contains("is not an amount", output, StringComparison.Ordinal);
        Assert.Contains("also on line 5", output, StringComparison.Ordinal);
        Assert.Contains("outside the district's floor and cap", output, StringComparison.Ordinal);
        Assert.Contains("bad rows: 3 of 10,000", output, StringComparison.Ordinal);
        var trial = await gateway.Ledger(GatewayFixture.Auditor).GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = district }, cancellationToken: Ct);
        Assert.Equal((0L, 0L), (trial.MemberCount, trial.IssuedMinutes));
        folder.Delete(recursive: true);
    }

    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task the_good_rows_come_in_with_their_balances_from_issuance_once_however_often_it_runs()
    {
        var district = await Seed.DistrictAsync(gateway);
        var folder = Directory.CreateTempSubdirectory("epoomasi-import-");
        var (path, bad) = await FileAsync(folder, 120);
        var address = gateway.GrpcAddress.ToString();
        var coordinator = GatewayFixture.Coordinator(district);

        var (refused, refusal) = await CliRun.RunAsync(address, coordinator, "import", path);
        var (first, imported) = await CliRun.RunAsync(address, coordinator, "import", path, "--skip-bad");
        var afterFirst = await gateway.Ledger(GatewayFixture.Auditor).GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = district, PageSize = 1_000 }, cancellationToken: Ct);
        var (second, again) = await CliRun.RunAsync(address, coordinator, "import", path, "--skip-bad");
        var afterSecond = await gateway.Ledger(GatewayFixture.Auditor).GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = district, PageSize = 1_000 }, cancellationToken: Ct);

        Assert.Equal((1, 0, 0), (refused, first, second));
        Assert.Contains("nothing imported", refusal, StringComparison.Ordinal);
        Assert.Contains("imported: 117, 이미 있음 already there: 0", imported, StringComparison.Ordinal);
        Assert.Contains("imported: 0, 이미 있음 already there: 117", again, StringComparison.Ordinal);
        Assert.Equal(117, afterFirst.MemberCount);
        Assert.Equal(afterFirst.Accounts.Select(a => (a.AccountId, a.BalanceMinutes)), afterSecond.Accounts.Select(a => (a.AccountId, a.BalanceMinutes)));
        Assert.Equal(afterFirst.InCirculationMinutes, afterFirst.IssuedMinutes);
        Assert.Equal(0, afterFirst.TotalMinutes);

        // Row 3 (m1): 1h 01m, from issuance, marked as an opening balance; the member has their name.
        var statementOwner = afterFirst.Accounts.Where(a => a.Kind == AccountKind.Member).Select(a => a.AccountId).ToList();
        var names = new List<string>();
        foreach (var account in statementOwner.Take(200))
        {
            var lines = await gateway.Ledger(GatewayFixture.Auditor).ListStatementEntriesAsync(new ListStatementEntriesRequest { AccountId = account }, cancellationToken: Ct);
            if (lines.Entries.SingleOrDefault() is { Memo: var memo } entry && memo.EndsWith("(m1)", StringComparison.Ordinal))
            {
                Assert.Equal((TransferCode.OpeningBalance, 61L, EntrySide.Credit), (entry.Code, entry.AmountMinutes, entry.Side));
                names.Add(entry.CounterpartyLabel);
            }
        }

        Assert.Equal([$"{district} 발행 / {district} issuance"], names);
        Assert.Equal(3, bad.Length);
        folder.Delete(recursive: true);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task another_districts_coordinator_cannot_import_here()
    {
        var district = await Seed.DistrictAsync(gateway);
        var elsewhere = await Seed.DistrictAsync(gateway);

        var denied = await Assert.ThrowsAsync<RpcException>(() => gateway.Community(GatewayFixture.Coordinator(elsewhere)).ImportMembersAsync(new ImportMembersRequest
        {
            DistrictId = district, Rows = { new ImportMemberRow { Line = 2, ExternalId = "x", Profile = new MemberProfile { DisplayName = "누구" }, OpeningBalanceMinutes = 60 } },
        }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}
