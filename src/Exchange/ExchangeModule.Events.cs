using EPoomasi.Exchange.Events;
using EPoomasi.Exchange.Listings;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules;
using EPoomasi.Ledger.Modules.Searching;

namespace EPoomasi.Exchange;

/// <summary>Members' event streams, and the notices the scheduler gives.</summary>
public sealed partial class ExchangeModule
{
    /// <summary>Where a stream that hears only what happens from now on starts.</summary>
    public Task<long> GetEventPositionAsync(CancellationToken cancellationToken) => _ledger.GetSealedPositionAsync(cancellationToken);

    /// <summary>Every member's events after <paramref name="after"/> in the ledger's log, from at most <paramref name="maxRows"/> rows of it.</summary>
    public Task<MemberEventPage> ReadEventsAsync(long after, int maxRows, CancellationToken cancellationToken) => _events.ReadAsync(after, maxRows, cancellationToken);

    /// <summary>
    /// Tells the owners of active listings that expire within <paramref name="within"/>, once per expiry, through their
    /// event streams. Safe in several processes: each notice's id comes from the listing and its expiry. How many were told.
    /// </summary>
    public async Task<int> NoticeExpiringListingsAsync(TimeSpan within, Attribution by, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var told = 0;
        for (var offset = 0; offset <= ModuleSearch.MaxOffset; offset += 500)
        {
            var page = await _listings.SearchAsync(
                new ModuleSearch(new Dictionary<string, object> { ["status"] = nameof(ListingStatus.Active) }, null, now, SearchOrder.SoonestUntil, offset, 500), cancellationToken);
            foreach (var (key, listing) in page.Where(p => p.State.ExpiresAt <= now + within && p.State.ExpiryNoticedFor != p.State.ExpiresAt))
            {
                var listingId = Guid.Parse(key);
                var id = DerivedIds.From(listingId, $"expiry@{listing.ExpiresAt.UtcTicks}");
                var outcome = await _listings.SubmitAsync(new NoticeExpiry(id, by, listingId, listing.OwnerAccountId, listing.ExpiresAt), cancellationToken);
                if (outcome.Result.Code == ListingCode.ExpiryNoticed && !outcome.Replayed) told++;
            }

            if (page.Count < 500 || page[^1].State.ExpiresAt > now + within) break;
        }

        return told;
    }
}
