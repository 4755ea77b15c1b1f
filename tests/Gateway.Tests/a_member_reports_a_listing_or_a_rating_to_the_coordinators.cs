using EPoomasi.Contracts.Exchange.V1;
using Grpc.Core;
using static EPoomasi.Gateway.Tests.Trade;

namespace EPoomasi.Gateway.Tests;

/// <summary>Members report listings and ratings; the coordinators of the district concerned see them and record a decision.</summary>
public sealed class a_member_reports_a_listing_or_a_rating_to_the_coordinators(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_listings_district_sees_the_report_and_decides_and_a_repeat_reports_once()
    {
        var (district, elsewhere) = (await Seed.DistrictAsync(gateway), await Seed.DistrictAsync(gateway));
        await LinkAsync(gateway, district, elsewhere);
        var (owner, reporter) = (await Seed.MemberAsync(gateway, district), await Seed.MemberAsync(gateway, elsewhere, welcomeMinutes: 120));
        var listing = await ListAsync(gateway.Exchange(GatewayFixture.Member(district, owner)), owner, "무엇이든 팝니다", "현금 거래 가능");
        var asReporter = gateway.Exchange(GatewayFixture.Member(elsewhere, reporter));
        var request = new ReportContentRequest
        {
            RequestId = Guid.NewGuid().ToString(), AccountId = reporter, Content = ReportedContent.Listing, TargetId = listing, Reason = "시간은행에서 현금 거래는 안 됩니다 / cash is not allowed",
        };

        var reported = (await asReporter.ReportContentAsync(request, cancellationToken: Ct)).Report;
        var again = (await asReporter.ReportContentAsync(request, cancellationToken: Ct)).Report;
        var coordinator = gateway.Exchange(GatewayFixture.Coordinator(district));
        var open = await coordinator.ListContentReportsAsync(new ListContentReportsRequest { DistrictId = district }, cancellationToken: Ct);
        var notTheirs = await Assert.ThrowsAsync<RpcException>(() => gateway.Exchange(GatewayFixture.Coordinator(elsewhere)).DecideContentReportAsync(
            new DecideContentReportRequest { DistrictId = district, ReportId = reported.ReportId, Decision = "x" }, cancellationToken: Ct).ResponseAsync);
        var decided = (await coordinator.DecideContentReportAsync(new DecideContentReportRequest
        {
            DistrictId = district, ReportId = reported.ReportId, Decision = "목록을 내렸습니다 / listing withdrawn",
        }, cancellationToken: Ct)).Report;
        var afterwards = await coordinator.ListContentReportsAsync(new ListContentReportsRequest { DistrictId = district }, cancellationToken: Ct);
        var everything = await coordinator.ListContentReportsAsync(new ListContentReportsRequest { DistrictId = district, All = true }, cancellationToken: Ct);
        var noSuchRating = await Assert.ThrowsAsync<RpcException>(() => asReporter.ReportContentAsync(new ReportContentRequest
        {
            RequestId = Guid.NewGuid().ToString(), AccountId = reporter, Content = ReportedContent.Rating, TargetId = Guid.NewGuid().ToString(), RatedAccountId = owner, Reason = "거짓 평가",
        }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal((district, listing), (reported.DistrictId, reported.TargetId));
        Assert.Equal(reported.ReportId, again.ReportId);
        Assert.Equal([reported.ReportId], open.Reports.Select(r => r.ReportId));
        Assert.Equal(StatusCode.PermissionDenied, notTheirs.StatusCode);
        Assert.Equal(($"coordinator:{district}", "목록을 내렸습니다 / listing withdrawn"), (decided.DecidedBy, decided.Decision));
        Assert.Empty(afterwards.Reports);
        Assert.Single(everything.Reports);
        Assert.Equal(StatusCode.NotFound, noSuchRating.StatusCode);
    }
}
