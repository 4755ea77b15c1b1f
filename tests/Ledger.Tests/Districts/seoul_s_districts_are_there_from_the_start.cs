using EPoomasi.Ledger.Districts.Seeding;
using EPoomasi.Ledger.Tests.Harness;

namespace EPoomasi.Ledger.Tests.Districts;

public sealed class seoul_s_districts_are_there_from_the_start(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_new_ledger_opens_with_the_25_districts_their_names_defaults_and_books()
    {
        var database = await postgres.CreateEmptyDatabaseAsync();

        await using var ledger = await LedgerModule.OpenAsync(new LedgerSettings(database), TimeProvider.System, Ct);

        var districts = await ledger.ListDistrictsAsync(Ct);
        Assert.Equal(25, districts.Count);
        var mapo = Assert.Single(districts, d => d.Id == "mapo");
        Assert.Equal(("마포구", "Mapo-gu", Minutes.FromHours(5)), (mapo.Name, mapo.NameRomanized, mapo.WelcomeGrant));
        Assert.Equal((SeoulDistricts.MemberFloor, SeoulDistricts.MemberCap, SeoulDistricts.MintBudget), (mapo.MemberFloor, mapo.MemberCap, mapo.MintBudget));
        Assert.Equal(SeoulDistricts.All.Select(d => d.Id).Order(StringComparer.Ordinal), districts.Select(d => d.Id));
        var books = (await ledger.GetTrialBalanceAsync("jongno", Ct))!;
        Assert.Equal((2, true), (books.OwnAccounts.Count, books.IsBalanced));
        Assert.Null((await ledger.RebuildProjectionsAsync(Ct)).FirstDifference);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task hosts_opening_a_new_ledger_at_once_create_each_district_once_and_a_reopened_one_is_left_alone()
    {
        var database = await postgres.CreateEmptyDatabaseAsync();
        await using (var first = await LedgerModule.OpenAsync(new LedgerSettings(database), TimeProvider.System, Ct))
        {
            // The schema exists now; three more hosts start side by side on the same database.
        }

        var opened = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => LedgerModule.OpenAsync(new LedgerSettings(database), TimeProvider.System, Ct)));
        try
        {
            Assert.Equal(25, (await opened[0].ListDistrictsAsync(Ct)).Count);
            var report = await opened[1].RebuildProjectionsAsync(Ct);
            Assert.Equal(25, report.RowsCompared["districts"]);
            Assert.Null(report.FirstDifference);
        }
        finally
        {
            foreach (var ledger in opened) await ledger.DisposeAsync();
        }
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_ledger_that_has_districts_or_asks_for_none_gets_none()
    {
        await using var shaped = await TestLedger.CreateAsync(postgres);
        await shaped.CreateDistrictAsync("mapo");
        var empty = await postgres.CreateEmptyDatabaseAsync();

        await using var reopened = await LedgerModule.OpenAsync(new LedgerSettings(shaped.ConnectionString), TimeProvider.System, Ct);
        await using var unseeded = await LedgerModule.OpenAsync(new LedgerSettings(empty) { SeedSeoulDistricts = false }, TimeProvider.System, Ct);

        var kept = Assert.Single(await reopened.ListDistrictsAsync(Ct));
        Assert.Equal(("mapo", "MAPO"), (kept.Id, kept.Name));
        Assert.Empty(await unseeded.ListDistrictsAsync(Ct));
    }
}
