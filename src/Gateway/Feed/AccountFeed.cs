using System.Runtime.CompilerServices;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Hosting;
using EPoomasi.Ledger.Reading;

namespace EPoomasi.Gateway.Feed;

/// <summary>
/// An account's new statement entries as they are posted, by any gateway process: it follows the
/// account's statement cursor, which only grows, so nothing is missed or sent twice. Between entries
/// it waits for <see cref="AccountChanges"/> to see the account move past the version it has read.
/// </summary>
public sealed class AccountFeed(LedgerRuntime ledger, AccountChanges changes)
{
    private const int PageSize = 100;

    public async IAsyncEnumerable<StatementEntry> WatchAsync(Guid accountId, long afterPosition, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var account = await ledger.Reader.GetAccountAsync(accountId, cancellationToken) ?? throw LedgerErrors.NotFound($"Account {accountId}");
        var cursor = afterPosition > 0 ? afterPosition : account.Version;
        // Every read of the statement begins after the version it waited for was seen, so it holds every entry up to it.
        var seenVersion = account.Version;
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await ledger.Reader.GetStatementAsync(accountId, cursor, PageSize, cancellationToken);
            foreach (var entry in page?.Entries ?? [])
            {
                cursor = entry.Position;
                yield return entry;
            }

            if (page?.NextCursor is null)
            {
                seenVersion = await changes.WaitPastAsync(accountId, seenVersion, cancellationToken);
            }
        }
    }
}
