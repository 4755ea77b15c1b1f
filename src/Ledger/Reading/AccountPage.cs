using EPoomasi.Ledger.Accounts;

namespace EPoomasi.Ledger.Reading;

/// <summary>A page of a district's member accounts, by id.</summary>
/// <param name="NextAfter">The id to continue after, or null when this page reached the end.</param>
public sealed record AccountPage(IReadOnlyList<Account> Accounts, Guid? NextAfter);
