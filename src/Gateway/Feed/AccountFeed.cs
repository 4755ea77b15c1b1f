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

    /// <summary>
    /// Finds the account (NOT_FOUND if it does not exist); the statement position the watch starts after
    /// (<paramref name="afterPosition"/>, or the account's latest when 0), and its entries from there on.
    /// </summary>
    public async Task<(long AfterPosition, IAsyncEnumerable<StatementEntry> Entries)> OpenAsync(Guid accountId, long afterPosition, CancellationToken cancellationToken)
    {
        var account = await ledger.Ledger.GetAccountAsync(accountId, cancellationToken) ?? throw LedgerErrors.NotFound($"Account {accountId}");
        var cursor = afterPosition > 0 ? afterPosition : account.Version;
        return (cursor, FollowAsync(accountId, cursor, account.Version, cancellationToken));
    }

    // Every read of the statement begins after the version it waited for was seen, so it holds every entry up to it.
    private async IAsyncEnumerable<StatementEntry> FollowAsync(Guid accountId, long cursor, long seenVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await ledger.Ledger.GetStatementAsync(accountId, cursor, PageSize, cancellationToken);
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
