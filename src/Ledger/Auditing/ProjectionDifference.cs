namespace EPoomasi.Ledger.Auditing;

/// <summary>
/// The first place a live table and its rebuild from the event log disagree: the row's key, the first
/// column that differs (or <see cref="WholeRow"/> when the row is on one side only), and both values as JSON
/// (<c>null</c> for a missing row or value).
/// </summary>
public sealed record ProjectionDifference(string Table, string Key, string Column, string? Live, string? Rebuilt)
{
    /// <summary>The column named when a row exists on one side only.</summary>
    public const string WholeRow = "*";
}
