using EPoomasi.Contracts.Identity.V1;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace EPoomasi.Bench;

/// <summary>
/// Two districts that trust each other almost without bound, each with half of the member accounts,
/// funded and with floors and caps wide enough that no transfer of the run is refused. Created through
/// the gateway as any client would, with tokens from its development issuer.
/// </summary>
internal sealed class BenchWorld
{
    private const long Wide = 1_000_000_000;

    private BenchWorld(
        string runId, LedgerService.LedgerServiceClient ledger, Contracts.Exchange.V1.ExchangeService.ExchangeServiceClient exchange, IReadOnlyList<string> home,
        IReadOnlyList<string> away, string issuance, IReadOnlyList<string> quiet)
    {
        Exchange = exchange;
        Quiet = quiet;
        RunId = runId;
        Ledger = ledger;
        Home = home;
        Away = away;
        HomeIssuance = issuance;
    }

    public string RunId { get; }

    /// <summary>A client acting as the home district's coordinator (coordinators may move any home account's credits).</summary>
    public LedgerService.LedgerServiceClient Ledger { get; }

    /// <summary>The exchange, as the home district's coordinator (who may list for any home member).</summary>
    public Contracts.Exchange.V1.ExchangeService.ExchangeServiceClient Exchange { get; }

    public IReadOnlyList<string> Home { get; }

    public IReadOnlyList<string> Away { get; }

    public string HomeIssuance { get; }

    /// <summary>Home accounts no scenario moves credits on: their history stays one event long.</summary>
    public IReadOnlyList<string> Quiet { get; }

    public static async Task<BenchWorld> CreateAsync(GrpcChannel channel, int accounts, CancellationToken cancellationToken)
    {
        var runId = "b" + Guid.NewGuid().ToString("N")[..10];
        var (home, away) = ($"{runId}-a", $"{runId}-b");
        var tokens = new DevelopmentTokenService.DevelopmentTokenServiceClient(channel);
        async Task<CallInvoker> As(Role role, string subject, string? district) =>
            With(channel, (await tokens.IssueDevelopmentTokenAsync(new IssueDevelopmentTokenRequest
            {
                Role = role, Subject = subject, DistrictId = district ?? "", LifetimeSeconds = 86_400,
            }, cancellationToken: cancellationToken)).Token);

        var admin = new AdministrationService.AdministrationServiceClient(await As(Role.Administrator, "administrator:bench", null));
        foreach (var district in new[] { home, away })
        {
            await admin.CreateDistrictAsync(new CreateDistrictRequest
            {
                DistrictId = district, Name = district, MemberFloorMinutes = -Wide, MemberCapMinutes = Wide, MintBudgetMinutes = Wide,
            }, cancellationToken: cancellationToken);
        }

        await admin.SetTrustLimitAsync(new SetTrustLimitRequest { DistrictId = home, CounterpartDistrictId = away, LimitMinutes = Wide, Reason = "benchmark" }, cancellationToken: cancellationToken);
        foreach (var (district, coordinator) in new[] { (home, "coordinator:bench-a"), (away, "coordinator:bench-b") })
        {
            await admin.AppointCoordinatorAsync(new AppointCoordinatorRequest { DistrictId = district, Subject = coordinator, Reason = "benchmark" }, cancellationToken: cancellationToken);
        }

        var homeCoordinator = await As(Role.Coordinator, "coordinator:bench-a", home);
        var awayCoordinator = await As(Role.Coordinator, "coordinator:bench-b", away);
        var homeAccounts = await OpenAsync(new AdministrationService.AdministrationServiceClient(homeCoordinator), home, (accounts + 1) / 2, cancellationToken);
        var awayAccounts = await OpenAsync(new AdministrationService.AdministrationServiceClient(awayCoordinator), away, accounts / 2, cancellationToken);
        var quiet = await OpenAsync(new AdministrationService.AdministrationServiceClient(homeCoordinator), home, 100, cancellationToken);
        var ledger = new LedgerService.LedgerServiceClient(homeCoordinator);
        var trial = await ledger.GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = home }, cancellationToken: cancellationToken);
        return new BenchWorld(runId, ledger, new Contracts.Exchange.V1.ExchangeService.ExchangeServiceClient(homeCoordinator), homeAccounts, awayAccounts, trial.Accounts.Single(a => a.Kind == AccountKind.Issuance).AccountId, quiet);
    }

    /// <summary>Lists <paramref name="count"/> offers and requests of home members, from a seeded corpus, a few at a time.</summary>
    public async Task ListAsync(int count, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var random = new Random(i);
            await Exchange.CreateListingAsync(new Contracts.Exchange.V1.CreateListingRequest
            {
                RequestId = Guid.NewGuid().ToString(), OwnerAccountId = Home[random.Next(Home.Count)],
                Kind = random.Next(3) == 0 ? Contracts.Exchange.V1.ListingKind.Request : Contracts.Exchange.V1.ListingKind.Offer, Text = SearchCorpus.Listing(random),
            }, cancellationToken: ct);
        });

    private static async Task<List<string>> OpenAsync(AdministrationService.AdministrationServiceClient admin, string district, int count, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString()).ToList();
        // Opening is one call per account; a few at a time keeps setup short.
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (id, ct) =>
            await admin.OpenAccountAsync(new OpenAccountRequest { AccountId = id, DistrictId = district }, cancellationToken: ct));
        return ids;
    }

    private static CallInvoker With(GrpcChannel channel, string token) => channel.CreateCallInvoker().Intercept(headers =>
    {
        headers.Add("authorization", $"Bearer {token}");
        headers.Add("epoomasi-channel", "bench");
        return headers;
    });
}
