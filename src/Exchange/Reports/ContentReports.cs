using System.Text.Json;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Documents;

namespace EPoomasi.Exchange.Reports;

/// <summary>What a member reports to a coordinator.</summary>
public enum ReportedContent
{
    Listing,
    Rating,
}

/// <summary>
/// A member's report of a listing or a rating to the coordinators of the district it belongs to (the listing's, or the
/// rated member's), with the reason in their words, and, once a coordinator has looked, what they decided.
/// </summary>
public sealed record ContentReport(
    Guid ReportId,
    ReportedContent Content,
    Guid TargetId,
    Guid? RatedAccountId,
    string DistrictId,
    Guid ReporterAccountId,
    string Reason,
    string ReportedBy,
    DateTimeOffset ReportedAt,
    string? Decision = null,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null)
{
    public const int ReasonMaxLength = 500;
}

/// <summary>
/// Reports of listings and ratings, for coordinators: people's words about other people, kept as module documents
/// (outside the event log) in the district they concern, one per request id.
/// </summary>
public sealed class ContentReports
{
    private const string Kind = "exchange.report";
    private readonly ModuleDocuments _documents;

    internal ContentReports(ModuleDocuments documents) => _documents = documents;

    internal async Task<ContentReport> AddAsync(ContentReport report, Attribution by, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(report.Reason) || report.Reason.Length > ContentReport.ReasonMaxLength)
        {
            throw new ExchangeInputException($"신고 사유는 1~{ContentReport.ReasonMaxLength}자입니다. / A report's reason has 1 to {ContentReport.ReasonMaxLength} characters.");
        }

        var key = report.ReportId.ToString();
        await _documents.AddAsync(Kind, key, report.DistrictId, JsonSerializer.Serialize(report with { Reason = report.Reason.Trim() }, ExchangeJson.Options), by, cancellationToken);
        return (await GetAsync(report.ReportId, cancellationToken))!;
    }

    /// <summary>The report, or null.</summary>
    public async Task<ContentReport?> GetAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var key = reportId.ToString();
        return (await _documents.GetAsync(Kind, [key], cancellationToken)).TryGetValue(key, out var found)
            ? JsonSerializer.Deserialize<ContentReport>(found.Json, ExchangeJson.Options)
            : null;
    }

    /// <summary>A coordinator of the report's district records what they decided. Null when there is no such report there.</summary>
    /// <exception cref="ExchangeInputException">No decision given, or too long.</exception>
    public async Task<ContentReport?> DecideAsync(string districtId, Guid reportId, string decision, Attribution by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(decision) || decision.Length > ContentReport.ReasonMaxLength)
        {
            throw new ExchangeInputException($"결정은 1~{ContentReport.ReasonMaxLength}자입니다. / A decision has 1 to {ContentReport.ReasonMaxLength} characters.");
        }

        if (await GetAsync(reportId, cancellationToken) is not { } report || report.DistrictId != districtId) return null;
        var decided = report with { Decision = decision.Trim(), DecidedBy = by.ActorId, DecidedAt = now };
        await _documents.PutAsync(Kind, reportId.ToString(), districtId, JsonSerializer.Serialize(decided, ExchangeJson.Options), by, cancellationToken);
        return decided;
    }

    /// <summary>A page of the district's reports, in id order after <paramref name="after"/>; only those not decided yet when <paramref name="openOnly"/>.</summary>
    public async Task<(IReadOnlyList<ContentReport> Reports, string? NextAfter)> ListAsync(
        string districtId, bool openOnly, string after, int pageSize, CancellationToken cancellationToken)
    {
        var page = await _documents.ListAsync(Kind, districtId, after, pageSize, cancellationToken);
        var reports = page.Documents.Select(d => JsonSerializer.Deserialize<ContentReport>(d.Json, ExchangeJson.Options)!).Where(r => !openOnly || r.Decision is null).ToList();
        return (reports, page.NextAfter);
    }
}
