namespace EPoomasi.Ledger.Documents;

/// <summary>One module document as stored: its JSON and who last changed it, when.</summary>
/// <param name="Kind">The kind of document (<c>community.profile</c>, say).</param>
/// <param name="Key">Its key within the kind.</param>
/// <param name="Scope">What it is listed under (a district, a member), or null.</param>
/// <param name="Json">The document itself.</param>
/// <param name="ChangedBy">The actor who last wrote it.</param>
/// <param name="ChangedAt">When it was last written.</param>
public sealed record ModuleDocument(string Kind, string Key, string? Scope, string Json, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>A page of documents in key order, and the key to continue after, or null on the last page.</summary>
public sealed record ModuleDocumentPage(IReadOnlyList<ModuleDocument> Documents, string? NextAfter);
