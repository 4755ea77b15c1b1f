namespace EPoomasi.Ledger.Tests.Harness;

/// <summary>Base for integration test classes: one fresh ledger per test, with district "mapo" created.</summary>
public abstract class LedgerTest(PostgresFixture postgres) : IAsyncLifetime
{
    protected TestLedger Ledger { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Ledger = await TestLedger.CreateAsync(postgres);
        await Ledger.CreateDistrictAsync("mapo");
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Ledger.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
