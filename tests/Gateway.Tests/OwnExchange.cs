using EPoomasi.Exchange;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Transfers;
using Microsoft.Extensions.Time.Testing;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// The real exchange on the real ledger, on a database of its own on the suite's PostgreSQL and with a clock of its
/// own: a test may move the clock ahead without expiring other tests' deals or holds. Seoul's districts are seeded;
/// members are opened in Mapo.
/// </summary>
public sealed class OwnExchange : IAsyncDisposable
{
    public const string District = "mapo";

    private static readonly Attribution System = new("system:tests", null, "tests");

    private OwnExchange(LedgerModule ledger, ExchangeModule exchange, FakeTimeProvider clock) => (Ledger, Exchange, Clock) = (ledger, exchange, clock);

    public LedgerModule Ledger { get; }

    public ExchangeModule Exchange { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<OwnExchange> OpenAsync(GatewayFixture gateway, string name, CancellationToken cancellationToken)
    {
        var database = name + "_" + Guid.NewGuid().ToString("N")[..12];
        await gateway.Postgres.CreateDatabaseAsync(database, null, cancellationToken);
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var ledger = await LedgerModule.OpenAsync(new LedgerSettings(gateway.Postgres.ConnectionString(database)), clock, cancellationToken);
        return new OwnExchange(ledger, ExchangeModule.Attach(ledger, new ExchangeSettings(), clock), clock);
    }

    /// <summary>A member's account in Mapo, given <paramref name="welcomeMinutes"/> from the district's issuance.</summary>
    public async Task<Guid> MemberAsync(long welcomeMinutes, CancellationToken cancellationToken)
    {
        var account = Guid.NewGuid();
        Assert.Equal(EPoomasi.Ledger.Administration.AdminResult.Ok,
            (await Ledger.ExecuteAsync(new EPoomasi.Ledger.Accounts.OpeningAccount.OpenAccount(account, District, System), cancellationToken)).Result);
        if (welcomeMinutes == 0) return account;
        var issuance = (await Ledger.GetDistrictAsync(District, cancellationToken))!.IssuanceAccountId;
        var welcome = await Ledger.SubmitAsync(
            [new EPoomasi.Ledger.Transfers.CreatingTransfer.CreateTransfer(Guid.NewGuid(), issuance, account, new Minutes(welcomeMinutes), TransferCode.Welcome, "", System)], cancellationToken);
        Assert.Equal(TransferResult.Ok, welcome.Single().Result);
        return account;
    }

    public ValueTask DisposeAsync() => Ledger.DisposeAsync();
}
