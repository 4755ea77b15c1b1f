using EPoomasi.Contracts.Ledger.V1;
using ScottPlot;

namespace EPoomasi.Presentation.Reports;

/// <summary>The report of hours received per month as a table: months down, kinds of transfer across.</summary>
public sealed class HoursByMonth
{
    private readonly IReadOnlyList<MonthlyHours> _rows;

    public HoursByMonth(IEnumerable<MonthlyHours> rows)
    {
        _rows = [.. rows];
        Months = [.. _rows.Select(r => r.Month).Distinct().Order(StringComparer.Ordinal)];
        Codes = [.. _rows.Select(r => r.Code).Distinct().Order()];
    }

    /// <summary>Months in Seoul, e.g. 2026-11, oldest first.</summary>
    public IReadOnlyList<string> Months { get; }

    public IReadOnlyList<TransferCode> Codes { get; }

    public long Minutes(string month, TransferCode code) => _rows.Where(r => r.Month == month && r.Code == code).Sum(r => r.Minutes);

    /// <summary>Stacked bars of hours per month, one colour per kind (labelled Korean first).</summary>
    public Plot Chart(string title) =>
        Reports.Chart.StackedBars(title, "시간 / hours", Months, [.. Codes.Select(c => (Categories.Label(c), Months.Select(m => Minutes(m, c) / 60.0).ToArray()))]);
}
