using EPoomasi.Exchange;
using EPoomasi.Exchange.Listings;
using EPoomasi.Exchange.Searching;
using EPoomasi.Ledger;
using Npgsql;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// When the exchange's tokenizer changes what it indexes (English words gained their beginnings), listings written
/// before are indexed again when the ledger starts, so that old and new listings are found alike; only the search
/// columns change, and the projections still rebuild equal from the event log. On a database of its own.
/// </summary>
public sealed class listings_indexed_by_an_older_tokenizer_are_indexed_again_at_start(GatewayFixture gateway)
{
    private static readonly Attribution Owner = new("member:owner", null, "tests");

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task an_old_index_is_replaced_once_and_a_word_is_found_by_its_beginning_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = "reindex_" + Guid.NewGuid().ToString("N")[..12];
        await gateway.Postgres.CreateDatabaseAsync(database, null, ct);
        var connectionString = gateway.Postgres.ConnectionString(database);
        var owner = Guid.NewGuid();
        await using (var first = await LedgerModule.OpenAsync(new LedgerSettings(connectionString), TimeProvider.System, ct))
        {
            var exchange = ExchangeModule.Attach(first, new ExchangeSettings(), TimeProvider.System);
            Assert.Empty(await first.ReindexStaleAsync(ct));
            await first.ExecuteAsync(new Ledger.Accounts.OpeningAccount.OpenAccount(owner, "mapo", Owner), ct);
            await exchange.CreateListingAsync(Guid.NewGuid(), owner, ListingKind.Offer, new ListingText(ListingType.Service, ListingCategory.Repair, "자전거 수리", "", "Bike repair"), null, Owner, ct);
            await exchange.CreateListingAsync(Guid.NewGuid(), owner, ListingKind.Offer, new ListingText(ListingType.Service, ListingCategory.Culture, "피아노", "", "Piano lessons"), null, Owner, ct);
        }

        // As an earlier version left them: whole English words only, and no version recorded.
        await ExecuteAsync(connectionString, "update ledger.module_states set search = to_tsvector('simple', state->>'titleEnglish') where kind = 'exchange.listing'", ct);
        await ExecuteAsync(connectionString, "delete from ledger.module_index_versions", ct);

        await using var restarted = await LedgerModule.OpenAsync(new LedgerSettings(connectionString), TimeProvider.System, ct);
        var again = ExchangeModule.Attach(restarted, new ExchangeSettings(), TimeProvider.System);
        var before = await again.SearchListingsAsync(new ListingSearch("bik"), ct);
        var reindexed = await restarted.ReindexStaleAsync(ct);
        var after = await again.SearchListingsAsync(new ListingSearch("bik"), ct);
        var second = await restarted.ReindexStaleAsync(ct);
        var rebuilt = await restarted.RebuildProjectionsAsync(ct);

        Assert.Empty(before);
        Assert.Equal(2, reindexed["exchange.listing"]);
        Assert.Equal(["Bike repair"], after.Select(f => f.Listing.TitleEnglish));
        Assert.Empty(second);
        Assert.Null(rebuilt.FirstDifference);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
