using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Accounts.ChangingLimits;
using EPoomasi.Ledger.Accounts.OpeningAccount;
using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Districts.CreatingDistrict;
using EPoomasi.Ledger.Districts.SettingTrustLimit;
using EPoomasi.Ledger.Reading;
using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.ExpiringHold;
using EPoomasi.Ledger.Writing;
using Microsoft.Extensions.Time.Testing;

namespace EPoomasi.Ledger.Tests.Harness;

/// <summary>A ledger on its own fresh database, with a fake clock and helpers that read as the domain does.</summary>
public sealed class TestLedger : IAsyncDisposable
{
    public static readonly Attribution Coordinator = new("coordinator:test", null, "tests");
    public static readonly Attribution Member = new("member:test", null, "tests");

    private TestLedger(string connectionString, FakeTimeProvider clock)
    {
        ConnectionString = connectionString;
        Clock = clock;
        Store = LedgerStore.Open(connectionString, clock);
        // Even two items split when they can, so that every test with concurrent requests exercises split groups.
        Transfers = new TransferWriter(Store, minItemsToSplit: 2);
        Admin = new AdminWriter(Store);
        Reader = new LedgerReader(Store);
        Expirer = new HoldExpirer(Store, Transfers);
    }

    public string ConnectionString { get; }

    public FakeTimeProvider Clock { get; }

    public LedgerStore Store { get; }

    public TransferWriter Transfers { get; }

    public AdminWriter Admin { get; }

    public LedgerReader Reader { get; }

    public HoldExpirer Expirer { get; }

    public static async Task<TestLedger> CreateAsync(PostgresFixture postgres) =>
        new(await postgres.CreateLedgerDatabaseAsync(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero)));

    /// <summary>A ledger on a database that already holds one (restored, say), on <paramref name="clock"/>.</summary>
    public static TestLedger On(string connectionString, FakeTimeProvider clock) => new(connectionString, clock);

    /// <summary>Another store on the same database: what a second gateway process would have.</summary>
    public TestLedger SecondProcess() => new(ConnectionString, Clock);

    public async Task CreateDistrictAsync(string districtId, long floorHours = -10, long capHours = 100, long budgetHours = 10_000)
    {
        var outcome = await Admin.ExecuteAsync(new CreateDistrict(districtId, districtId.ToUpperInvariant(),
            Minutes.FromHours(floorHours), Minutes.FromHours(capHours), Minutes.FromHours(budgetHours), Coordinator), CancellationToken.None);
        Assert.Equal(AdminResult.Ok, outcome.Result);
    }

    public async Task LinkDistrictsAsync(string a, string b, long trustHours)
    {
        var outcome = await Admin.ExecuteAsync(new SetTrustLimit(a, b, Minutes.FromHours(trustHours), "pilot", Coordinator), CancellationToken.None);
        Assert.Equal(AdminResult.Ok, outcome.Result);
    }

    public async Task<Guid> OpenMemberAsync(string districtId, long startHours = 0, long? floorHours = null)
    {
        var id = Guid.NewGuid();
        Assert.Equal(AdminResult.Ok, (await Admin.ExecuteAsync(new OpenAccount(id, districtId, Coordinator), CancellationToken.None)).Result);
        if (floorHours is { } floor)
        {
            var account = (await Reader.GetAccountAsync(id, CancellationToken.None))!;
            Assert.Equal(AdminResult.Ok, (await Admin.ExecuteAsync(
                new ChangeAccountLimits(id, Minutes.FromHours(floor), account.Cap, "test setup", Coordinator), CancellationToken.None)).Result);
        }

        if (startHours > 0)
        {
            var outcome = await SubmitOneAsync(new CreateTransfer(Guid.NewGuid(), WellKnownAccounts.Issuance(districtId), id,
                Minutes.FromHours(startHours), TransferCode.Welcome, "welcome", Coordinator));
            Assert.Equal(TransferResult.Ok, outcome.Result);
        }

        return id;
    }

    public async Task<TransferOutcome> SubmitOneAsync(TransferCommand command) =>
        (await Transfers.SubmitAsync([command], CancellationToken.None)).Single();

    public async Task<TransferOutcome> PayAsync(Guid from, Guid to, long minutes, TransferCode code = TransferCode.Service, string memo = "") =>
        await SubmitOneAsync(new CreateTransfer(Guid.NewGuid(), from, to, new Minutes(minutes), code, memo, Member));

    public async Task<Account> AccountAsync(Guid id) => (await Reader.GetAccountAsync(id, CancellationToken.None))!;

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
