using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Reading;
using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using Marten;
using Npgsql;

namespace EPoomasi.Ledger.Tests.Invariants;

/// <summary>Everything stored, read at once: the material every invariant is checked against.</summary>
/// <param name="AccountEvents">Every account event, from account streams and journals, in log order, each with its account's version after it.</param>
/// <param name="StoredEntries">The statement entries table, as stored.</param>
public sealed record Books(
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<(long Version, AccountEvent Event)> AccountEvents,
    IReadOnlyList<TransferRecord> Records,
    IReadOnlyList<(Guid Account, StatementEntry Entry)> StoredEntries)
{
    public static async Task<Books> ReadAsync(TestLedger ledger)
    {
        await using var session = ledger.Store.Documents.QuerySession();
        await using var allAccounts = new NpgsqlCommand(AccountsTable.Select("ledger", "true"), session.Connection);
        var accounts = await AccountsTable.ReadAllAsync(allAccounts, CancellationToken.None);
        var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        await using var allRecords = new NpgsqlCommand(TransfersTable.Select("ledger", "true"), session.Connection);
        var records = await TransfersTable.ReadAllAsync(allRecords, CancellationToken.None);
        return new Books(accounts.ToList(), AccountHistory.Number(events.Select(e => e.Data)).ToList(), records.ToList(), await ReadEntriesAsync(session));
    }

    public IEnumerable<EntryPosted> Entries => AccountEvents.Select(e => e.Event).OfType<EntryPosted>();

    private static async Task<List<(Guid, StatementEntry)>> ReadEntriesAsync(IQuerySession session)
    {
        var entries = new List<(Guid, StatementEntry)>();
        await using var command = new NpgsqlCommand($"select {EntriesTable.Columns} from ledger.{EntriesTable.Name}", session.Connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add((reader.GetGuid(0), EntriesTable.ReadEntry(reader, 1)));
        }

        return entries;
    }
}
