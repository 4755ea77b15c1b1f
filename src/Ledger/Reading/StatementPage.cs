namespace EPoomasi.Ledger.Reading;

/// <summary>
/// A page of a statement, oldest first. Positions only ever grow, so a cursor stays valid and pages
/// never shift while new entries are written.
/// </summary>
/// <param name="NextCursor">Position to continue after, or null when this page reached the end.</param>
public sealed record StatementPage(IReadOnlyList<StatementEntry> Entries, long? NextCursor);
