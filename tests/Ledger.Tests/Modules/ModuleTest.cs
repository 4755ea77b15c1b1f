using EPoomasi.Ledger.Modules;
using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Tests.Modules.TinyExchange;
using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Ledger.Tests.Modules;

/// <summary>
/// Base for tests of the open write path: a fresh ledger with district "mapo", and the tiny exchange registered
/// on a <see cref="LedgerModule"/> opened on it, as a host opens it, with a provider and a funded receiver.
/// </summary>
public abstract class ModuleTest(PostgresFixture postgres) : LedgerTest(postgres)
{
    protected static readonly Attribution Receiver = new("member:receiver", null, "tests");

    protected LedgerModule Door { get; private set; } = null!;

    protected DealDecider Decider { get; } = new();

    protected ModuleKind<DealCommand, Deal, DealResult> Deals { get; private set; } = null!;

    protected Guid ProviderAccount { get; private set; }

    protected Guid ReceiverAccount { get; private set; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        ProviderAccount = await Ledger.OpenMemberAsync("mapo");
        ReceiverAccount = await Ledger.OpenMemberAsync("mapo", startHours: 5);
        Door = await LedgerModule.OpenAsync(new LedgerSettings(Ledger.ConnectionString), Ledger.Clock, Ct);
        Deals = Door.Register(Decider);
    }

    public override async ValueTask DisposeAsync()
    {
        await Door.DisposeAsync();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A deal proposed between the provider and the receiver, for <paramref name="minutes"/>.</summary>
    protected async Task<Guid> ProposeAsync(long minutes = 120)
    {
        var dealId = Guid.NewGuid();
        var outcome = await Deals.SubmitAsync(new ProposeDeal(Guid.NewGuid(), Receiver, dealId, ProviderAccount, ReceiverAccount, minutes), Ct);
        Assert.Equal(DealResult.Proposed, outcome.Result);
        return dealId;
    }

    /// <summary>The hold a deal's acceptance places, or null while there is none.</summary>
    protected async Task<TransferRecord?> HoldOfAsync(Guid dealId) =>
        (await Door.LookupTransfersAsync([DealDecider.HoldOf(dealId)], Ct)).SingleOrDefault();
}
