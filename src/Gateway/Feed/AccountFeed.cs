using System.Runtime.CompilerServices;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Hosting;
using EPoomasi.Ledger.Reading;
using Microsoft.Extensions.Options;

namespace EPoomasi.Gateway.Feed;

/// <summary>
/// An account's new statement entries as they are posted, by any gateway process: it follows the
/// account's statement cursor, which only grows, so nothing is missed or sent twice.
/// </summary>
public sealed class AccountFeed(LedgerRuntime ledger, IOptions<LedgerOptions> options, TimeProvider time)
{
    private const int PageSize = 100;

    public async IAsyncEnumerable<StatementEntry> WatchAsync(Guid accountId, long afterPosition, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var account = await ledger.Reader.GetAccountAsync(accountId, cancellationToken) ?? throw LedgerErrors.NotFound($"Account {accountId}");
        var cursor = afterPosition > 0 ? afterPosition : account.Version;
        var pause = TimeSpan.FromMilliseconds(options.Value.FeedPollMilliseconds);
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
                await Task.Delay(pause, time, cancellationToken);
            }
        }
    }
}
