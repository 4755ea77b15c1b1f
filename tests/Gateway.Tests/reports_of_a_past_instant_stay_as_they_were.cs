using EPoomasi.Contracts.Ledger.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace EPoomasi.Gateway.Tests;

[Collection(ConsoleOutput.Name)]
public sealed class reports_of_a_past_instant_stay_as_they_were(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_supply_as_of_an_instant_ignores_what_came_after_and_only_overseers_read_it()
    {
        var district = await Seed.DistrictAsync(gateway);
        var a = await Seed.MemberAsync(gateway, district, welcomeMinutes: 600);
        var b = await Seed.MemberAsync(gateway, district, welcomeMinutes: 600);
        Assert.Equal(TransferResult.Ok, (await Seed.PayAsync(gateway, GatewayFixture.Member(district, a), a, b, 90)).Result);
        // Every entry so far was decided before its call returned: an instant taken now is after all of them.
        var then = Timestamp.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        var reports = new ReportService.ReportServiceClient(gateway.Invoker(GatewayFixture.Coordinator(district)));
        var before = await reports.GetSupplyAsync(new GetSupplyRequest { DistrictId = district, AsOf = then }, cancellationToken: Ct);

        Assert.Equal(TransferResult.Ok, (await Seed.PayAsync(gateway, GatewayFixture.Member(district, b), b, a, 30, TransferCode.Goods)).Result);
        await Seed.MemberAsync(gateway, district, welcomeMinutes: 120);
        var after = await reports.GetSupplyAsync(new GetSupplyRequest { DistrictId = district, AsOf = then }, cancellationToken: Ct);
        var now = await new ReportService.ReportServiceClient(gateway.Invoker(GatewayFixture.Auditor)).GetSupplyAsync(new GetSupplyRequest { DistrictId = district }, cancellationToken: Ct);
        var months = await reports.GetHoursByMonthAsync(new GetHoursByMonthRequest { DistrictId = district }, cancellationToken: Ct);
        var elsewhere = await Seed.DistrictAsync(gateway);
        var denied = await Assert.ThrowsAsync<RpcException>(() => new ReportService.ReportServiceClient(gateway.Invoker(GatewayFixture.Coordinator(elsewhere)))
            .GetSupplyAsync(new GetSupplyRequest { DistrictId = district }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(before, after);
        Assert.Equal((2L, 1_200L, 1_200L, true), (before.MemberCount, before.IssuedMinutes, before.InCirculationMinutes, before.Balanced));
        Assert.Equal((3L, 1_320L, true), (now.MemberCount, now.IssuedMinutes, now.Balanced));
        Assert.Equal((1_320L, 90L, 30L), (
            months.Rows.Where(r => r.Code == TransferCode.Welcome).Sum(r => r.Minutes),
            months.Rows.Where(r => r.Code == TransferCode.Service).Sum(r => r.Minutes),
            months.Rows.Where(r => r.Code == TransferCode.Goods).Sum(r => r.Minutes)));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_coordinator_reads_the_reports_as_tables_and_charts_from_the_cli()
    {
        var district = await Seed.DistrictAsync(gateway);
        var a = await Seed.MemberAsync(gateway, district, welcomeMinutes: 600);
        var b = await Seed.MemberAsync(gateway, district);
        Assert.Equal(TransferResult.Ok, (await Seed.PayAsync(gateway, GatewayFixture.Member(district, b), b, a, 570)).Result);
        var folder = Directory.CreateTempSubdirectory("epoomasi-charts-");
        var (svg, png) = (Path.Combine(folder.FullName, "months.svg"), Path.Combine(folder.FullName, "distribution.png"));
        var address = gateway.GrpcAddress.ToString();
        var coordinator = GatewayFixture.Coordinator(district);

        var (supplied, supply) = await CliRun.RunAsync(address, coordinator, "report", "supply");
        var (charted, months) = await CliRun.RunAsync(address, coordinator, "report", "months", "--chart", svg);
        var (distributed, distribution) = await CliRun.RunAsync(address, coordinator, "report", "distribution", "--chart", png);
        var (listed, near) = await CliRun.RunAsync(address, coordinator, "report", "near-limits", "--within", "30m");
        var (wrongChart, usage) = await CliRun.RunAsync(address, coordinator, "report", "months", "--chart", "months.pdf");

        Assert.Equal((0, 0, 0, 0, 2), (supplied, charted, distributed, listed, wrongChart));
        Assert.Contains("균형 balanced", supply, StringComparison.Ordinal);
        Assert.Contains("서비스 service", months, StringComparison.Ordinal);
        // b at -9h 30m, a at 19h 30m.
        Assert.Equal(["1명", "1명"], distribution.Split('\n').Where(l => l.Contains("< -5h 00m", StringComparison.Ordinal) || l.Contains("10h 00m ~ 20h 00m", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^2]));
        Assert.Contains(b, near, StringComparison.Ordinal);
        Assert.DoesNotContain(a, near, StringComparison.Ordinal);
        Assert.Contains(".svg or .png", usage, StringComparison.Ordinal);
        var drawn = System.Xml.Linq.XDocument.Parse(await File.ReadAllTextAsync(svg, Ct));
        Assert.Equal("svg", drawn.Root!.Name.LocalName);
        Assert.Contains("월별 시간", drawn.ToString(), StringComparison.Ordinal);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(png, Ct))[..4]);
        folder.Delete(recursive: true);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task an_auditor_proves_the_city_balances_and_a_coordinator_finds_the_issuance_account()
    {
        var district = await Seed.DistrictAsync(gateway);
        var a = await Seed.MemberAsync(gateway, district, welcomeMinutes: 240);
        var address = gateway.GrpcAddress.ToString();

        var (proved, city) = await CliRun.RunAsync(address, GatewayFixture.Auditor, "report", "supply", "--city");
        var (listed, districts) = await CliRun.RunAsync(address, GatewayFixture.Coordinator(district), "districts", "--accounts");
        var issuance = (await gateway.Ledger(GatewayFixture.Auditor).ListDistrictsAsync(new ListDistrictsRequest(), cancellationToken: Ct)).Districts
            .Single(d => d.DistrictId == district).IssuanceAccountId;

        Assert.Equal((0, 0), (proved, listed));
        Assert.Contains("균형 balanced", city, StringComparison.Ordinal);
        Assert.Contains(city.Split('\n'), line => line.TrimStart().StartsWith(district, StringComparison.Ordinal) && line.Contains("4h 00m", StringComparison.Ordinal));
        Assert.Contains(districts.Split('\n'), line => line.TrimStart().StartsWith(district, StringComparison.Ordinal) && line.Contains(issuance, StringComparison.Ordinal));
        Assert.NotEmpty(a);
    }
}
