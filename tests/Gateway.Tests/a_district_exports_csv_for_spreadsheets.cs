using EPoomasi.Contracts.Community.V1;
using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Gateway.Tests;

[Collection(ConsoleOutput.Name)]
public sealed class a_district_exports_csv_for_spreadsheets(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task statements_members_and_the_books_open_in_excel_with_korean_intact_and_no_formulas()
    {
        var district = await Seed.DistrictAsync(gateway);
        var a = await Seed.MemberAsync(gateway, district, welcomeMinutes: 600);
        var named = await gateway.Community(GatewayFixture.Coordinator(district)).ApplyAsync(new ApplyRequest
        {
            RequestId = Guid.NewGuid().ToString(), DistrictId = district, Profile = new MemberProfile { DisplayName = "윤서연", HasPhone = true },
        }, cancellationToken: Ct);
        var coordinator = gateway.Community(GatewayFixture.Coordinator(district));
        await coordinator.RecordOrientationAsync(new RecordOrientationRequest { RequestId = Guid.NewGuid().ToString(), DistrictId = district, ApplicationId = named.Outcome.ApplicationId }, cancellationToken: Ct);
        var b = (await coordinator.ApproveApplicationAsync(new ApproveApplicationRequest { RequestId = Guid.NewGuid().ToString(), DistrictId = district, ApplicationId = named.Outcome.ApplicationId }, cancellationToken: Ct))
            .Outcome.Application.AccountId;
        var pay = new CreateTransfersRequest
        {
            Transfers =
            {
                new TransferToCreate { TransferId = Guid.NewGuid().ToString(), DebitAccountId = a, CreditAccountId = b, AmountMinutes = 90, Code = TransferCode.Service, Memo = "김장 도움 / kimchi making" },
                new TransferToCreate { TransferId = Guid.NewGuid().ToString(), DebitAccountId = a, CreditAccountId = b, AmountMinutes = 10, Code = TransferCode.Service, Memo = "=HYPERLINK(\"http://evil\")" },
            },
        };
        Assert.All((await gateway.Ledger(GatewayFixture.Member(district, a)).CreateTransfersAsync(pay, cancellationToken: Ct)).Outcomes, o => Assert.Equal(TransferResult.Ok, o.Result));
        var folder = Directory.CreateTempSubdirectory("epoomasi-csv-");
        var (statementFile, membersFile, entriesFile, cityFile) = (Path.Combine(folder.FullName, "a.csv"), Path.Combine(folder.FullName, "members.csv"),
            Path.Combine(folder.FullName, "entries.csv"), Path.Combine(folder.FullName, "city.csv"));
        var address = gateway.GrpcAddress.ToString();

        var (s, _) = await CliRun.RunAsync(address, GatewayFixture.Member(district, a), "export", "statement", a, statementFile);
        var (m, _) = await CliRun.RunAsync(address, GatewayFixture.Coordinator(district), "export", "members", membersFile);
        var (e, written) = await CliRun.RunAsync(address, GatewayFixture.Coordinator(district), "export", "entries", entriesFile);
        var (c, _) = await CliRun.RunAsync(address, GatewayFixture.Auditor, "export", "members", cityFile, "--city");

        Assert.Equal((0, 0, 0, 0), (s, m, e, c));
        var bytes = await File.ReadAllBytesAsync(statementFile, Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var statement = (await File.ReadAllLinesAsync(statementFile, Ct)).ToList();
        Assert.Equal(4, statement.Count);
        Assert.StartsWith("구 district,계정 account", statement[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("김장 도움 / kimchi making", statement[2], StringComparison.Ordinal);
        Assert.Contains("윤서연", statement[2], StringComparison.Ordinal);
        Assert.Contains(",-90,", statement[2], StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", statement[3], StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", statement[3], StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", statement[3], StringComparison.Ordinal);
        var members = await File.ReadAllLinesAsync(membersFile, Ct);
        Assert.Equal(3, members.Length);
        Assert.Contains(members, line => line.Contains(b, StringComparison.Ordinal) && line.Contains("윤서연", StringComparison.Ordinal) && line.Contains(",100,", StringComparison.Ordinal));
        // a's welcome and two payments, b's two payments, the issuance's welcome (the district pays no welcome grant on approval): six lines.
        Assert.Equal(7, (await File.ReadAllLinesAsync(entriesFile, Ct)).Length);
        Assert.Contains("6줄을 썼습니다", written, StringComparison.Ordinal);
        Assert.Contains(await File.ReadAllLinesAsync(cityFile, Ct), line => line.StartsWith($"{district},{b},", StringComparison.Ordinal));
        folder.Delete(recursive: true);
    }
}
