using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using Marten;

namespace EPoomasi.Ledger.Tests.Invariants;

/// <summary>Everything stored, read at once: the material every invariant is checked against.</summary>
public sealed record Books(
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<(Guid Stream, long Version, AccountEvent Event)> AccountEvents,
    IReadOnlyList<TransferRecord> Records,
    IReadOnlyDictionary<Guid, long> StreamVersions)
{
    public static async Task<Books> ReadAsync(TestLedger ledger)
    {
        await using var session = ledger.Store.Documents.QuerySession();
        var accounts = await session.Query<Account>().ToListAsync();
        var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        var records = await session.Query<TransferRecord>().ToListAsync();
        var streamVersions = new Dictionary<Guid, long>();
        foreach (var account in accounts)
        {
            streamVersions[account.Id] = (await session.Events.FetchStreamStateAsync(account.Id))?.Version ?? 0;
        }

        return new Books(
            accounts.ToList(),
            events.Where(e => e.Data is AccountEvent).Select(e => (e.StreamId, e.Version, (AccountEvent)e.Data)).ToList(),
            records.ToList(),
            streamVersions);
    }

    public IEnumerable<EntryPosted> Entries => AccountEvents.Select(e => e.Event).OfType<EntryPosted>();
}
