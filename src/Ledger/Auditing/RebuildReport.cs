namespace EPoomasi.Ledger.Auditing;

/// <summary>What rebuilding the projections from the event log found.</summary>
/// <param name="EventsRead">Rows of the event log read, up to <paramref name="LastSequence"/>.</param>
/// <param name="RowsCompared">Rebuilt rows per table.</param>
/// <param name="FirstDifference">The first disagreement, in table order then key order; null when every table agrees.</param>
public sealed record RebuildReport(
    long EventsRead,
    long LastSequence,
    IReadOnlyDictionary<string, long> RowsCompared,
    ProjectionDifference? FirstDifference)
{
    public bool Agrees => FirstDifference is null;
}
