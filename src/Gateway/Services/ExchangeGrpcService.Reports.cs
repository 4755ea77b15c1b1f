using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Mapping;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Domain = EPoomasi.Exchange.Reports;

namespace EPoomasi.Gateway.Services;

/// <summary>Members report listings and ratings; coordinators look and decide.</summary>
public sealed partial class ExchangeGrpcService
{
    public override async Task<ReportContentResponse> ReportContent(ReportContentRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var requestId = violations.Id("request_id", request.RequestId);
        var accountId = violations.Id("account_id", request.AccountId);
        var targetId = violations.Id("target_id", request.TargetId);
        var content = ExchangeMapping.FromProto<ReportedContent, Domain.ReportedContent>(request.Content);
        if (content is null) violations.Add("content", "Required: REPORTED_CONTENT_LISTING or REPORTED_CONTENT_RATING.");
        Guid? rated = content == Domain.ReportedContent.Rating ? violations.Id("rated_account_id", request.RatedAccountId) : null;
        violations.ThrowIfAny();
        var report = await runtime.Exchange.ReportAsync(requestId, accountId, content!.Value, targetId, rated, request.Reason, CallerAttribution.From(context), context.CancellationToken);
        return new() { Report = Report(report) };
    }

    public override async Task<ListContentReportsResponse> ListContentReports(ListContentReportsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var size = violations.PageSize(request.PageSize, DefaultPageSize, EPoomasi.Exchange.ExchangeModule.MaxPageSize);
        var after = request.PageToken.Length == 0 ? string.Empty : PageToken.Decode(request.PageToken, "r1", request.DistrictId);
        if (after is null) violations.Add("page_token", "Not a token this list gave; start again without one.");
        violations.ThrowIfAny();
        var (reports, next) = await runtime.Exchange.Reports.ListAsync(request.DistrictId, !request.All, after!, size, context.CancellationToken);
        var response = new ListContentReportsResponse();
        response.Reports.AddRange(reports.Select(Report));
        if (next is not null) response.NextPageToken = PageToken.Encode("r1", request.DistrictId, next);
        return response;
    }

    public override async Task<DecideContentReportResponse> DecideContentReport(DecideContentReportRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var reportId = violations.Id("report_id", request.ReportId);
        violations.ThrowIfAny();
        var decided = await runtime.Exchange.DecideReportAsync(request.DistrictId, reportId, request.Decision, CallerAttribution.From(context), context.CancellationToken)
            ?? throw LedgerErrors.NotFound($"Report {reportId} of district {request.DistrictId}");
        return new() { Report = Report(decided) };
    }

    private static ContentReport Report(Domain.ContentReport report) => new()
    {
        ReportId = report.ReportId.ToString(),
        Content = ExchangeMapping.ToProto<Domain.ReportedContent, ReportedContent>(report.Content),
        TargetId = report.TargetId.ToString(),
        RatedAccountId = report.RatedAccountId?.ToString() ?? string.Empty,
        DistrictId = report.DistrictId,
        ReporterAccountId = report.ReporterAccountId.ToString(),
        Reason = report.Reason,
        ReportedAt = Timestamp.FromDateTimeOffset(report.ReportedAt),
        Decision = report.Decision ?? string.Empty,
        DecidedBy = report.DecidedBy ?? string.Empty,
        DecidedAt = report.DecidedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
    };
}
