using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Districts;
using EPoomasi.Ledger.Storage;
using Marten;
using Polly;

namespace EPoomasi.Ledger.Writing;

/// <summary>
/// Runs district and account administration commands, each in its own transaction under the same row
/// locks that transfers take, so an account is never frozen, closed or re-limited halfway through a payment.
/// </summary>
public sealed class AdminWriter
{
    private readonly LedgerStore _store;
    private readonly ResiliencePipeline _retry;

    public AdminWriter(LedgerStore store)
    {
        _store = store;
        _retry = ConflictRetry.Create();
    }

    /// <summary>Decides and, when it changes anything, writes <paramref name="command"/>. A rejection is an outcome.</summary>
    /// <exception cref="LedgerInputException">The database refused a value of the command; nothing was applied.</exception>
    public async Task<AdminOutcome> ExecuteAsync(AdminCommand command, CancellationToken cancellationToken)
    {
        command.By.EnsureComplete();
        try
        {
            return await _retry.ExecuteAsync(async token => await WriteOnceAsync(command, token), cancellationToken);
        }
        catch (Exception exception) when (RequestFault.Caused(exception))
        {
            throw new LedgerInputException(RequestFault.Describe(exception), exception);
        }
    }

    private async Task<AdminOutcome> WriteOnceAsync(AdminCommand command, CancellationToken cancellationToken)
    {
        await using var session = _store.Documents.LightweightSession();
        await session.BeginTransactionAsync(cancellationToken);
        await JournalLocks.TakeAppendSharedAsync((Npgsql.NpgsqlConnection)session.Connection!, _store.Schema, cancellationToken);
        var districts = await RowLocks.LockDistrictsAsync(session, command.DistrictsToLock, cancellationToken);
        var accounts = await RowLocks.LockAccountsAsync(session, _store.Schema, command.AccountsToLock, cancellationToken);
        var view = new LockedView(districts, accounts);

        var now = _store.Now();
        var decision = command is AccountCommand
            ? AccountDecider.Decide(command, view, now)
            : DistrictDecider.Decide(command, view, now);
        if (decision.Result != AdminResult.Ok || !decision.Changes)
        {
            return new AdminOutcome(decision.Result, Changed: false);
        }

        foreach (var stream in decision.DistrictEvents.GroupBy(e => e.DistrictId))
        {
            var state = districts.GetValueOrDefault(stream.Key);
            foreach (var @event in stream)
            {
                state = DistrictEvolution.Evolve(state, @event);
            }

            AppendOrStart(session, WellKnownAccounts.DistrictStream(stream.Key), stream.ToArray(), stream.First() is DistrictCreated);
            session.Store(state!);
        }

        var changedAccounts = new List<Account>();
        foreach (var stream in decision.AccountEvents.GroupBy(e => e.AccountId))
        {
            var state = accounts.GetValueOrDefault(stream.Key);
            foreach (var @event in stream)
            {
                state = AccountEvolution.Evolve(state, @event);
            }

            AppendOrStart(session, stream.Key, stream.ToArray(), stream.First() is AccountOpened);
            changedAccounts.Add(state!);
        }

        // The account rows go first, on the session's connection and inside its transaction; the events
        // and district documents follow with its commit.
        foreach (var account in changedAccounts)
        {
            await using var upsert = AccountsTable.Upsert(_store.Schema, account);
            upsert.Connection = session.Connection;
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await session.SaveChangesAsync(cancellationToken);
        return new AdminOutcome(AdminResult.Ok, Changed: true);
    }

    // Starting a stream makes a concurrent duplicate fail on its unique key, which is then retried
    // and decided again as a repeat.
    private static void AppendOrStart<TEvent>(IDocumentSession session, Guid streamId, TEvent[] events, bool starts)
        where TEvent : notnull
    {
        var data = events.Cast<object>().ToArray();
        if (starts) session.Events.StartStream(streamId, data);
        else session.Events.Append(streamId, data);
    }

    private sealed class LockedView(Dictionary<string, District?> districts, Dictionary<Guid, Account?> accounts) : IAdminView
    {
        public District? FindDistrict(string districtId) =>
            districts.TryGetValue(districtId, out var district) ? district : throw new InvalidOperationException($"District {districtId} was not locked.");

        public Account? FindAccount(Guid accountId) =>
            accounts.TryGetValue(accountId, out var account) ? account : throw new InvalidOperationException($"Account {accountId} was not locked.");
    }
}
