using EPoomasi.Exchange.Reports;
using EPoomasi.Ledger;

namespace EPoomasi.Exchange;

/// <summary>Members' reports of listings and ratings, for coordinators.</summary>
public sealed partial class ExchangeModule
{
    /// <summary>
    /// The member holding <paramref name="reporterAccountId"/> reports a listing, or the rating a side of a deal left
    /// (<paramref name="ratedAccountId"/> names whose), to the coordinators of the district it concerns. A repeat of the
    /// request id answers the first report.
    /// </summary>
    /// <exception cref="ExchangeNotFoundException">No such listing or rating.</exception>
    /// <exception cref="ExchangeInputException">The reason is empty or too long.</exception>
    public async Task<ContentReport> ReportAsync(
        Guid requestId, Guid reporterAccountId, ReportedContent content, Guid targetId, Guid? ratedAccountId, string reason, Attribution by, CancellationToken cancellationToken)
    {
        if (await Reports.GetAsync(requestId, cancellationToken) is { } first) return first;
        string district;
        if (content == ReportedContent.Listing)
        {
            district = (await GetListingAsync(targetId, cancellationToken))?.DistrictId ?? throw new ExchangeNotFoundException($"목록 {targetId}이(가) 없습니다. / No listing {targetId}.");
        }
        else
        {
            var rated = ratedAccountId ?? throw new ExchangeInputException("평가받은 계정을 밝혀 주세요. / Name the rated account.");
            if ((await GetDealAsync(targetId, cancellationToken))?.SideOf(rated) is null)
            {
                throw new ExchangeNotFoundException($"거래 {targetId}에 대한 평가가 없습니다. / No rating of {rated} on deal {targetId}.");
            }

            district = (await _ledger.GetAccountAsync(rated, cancellationToken))?.DistrictId ?? throw new ExchangeNotFoundException($"계정 {rated}이(가) 없습니다. / No account {rated}.");
        }

        return await Reports.AddAsync(
            new ContentReport(requestId, content, targetId, content == ReportedContent.Rating ? ratedAccountId : null, district, reporterAccountId, reason ?? string.Empty, by.ActorId,
                _time.GetUtcNow()),
            by, cancellationToken);
    }

    /// <summary>A coordinator of the district records what they decided about a report; null when the district has no such report.</summary>
    public Task<ContentReport?> DecideReportAsync(string districtId, Guid reportId, string decision, Attribution by, CancellationToken cancellationToken) =>
        Reports.DecideAsync(districtId, reportId, decision ?? string.Empty, by, _time.GetUtcNow(), cancellationToken);
}
