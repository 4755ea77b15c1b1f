using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Bench;

/// <summary>The workloads: each sends one request built from a random source and counts what it did.</summary>
internal static class Scenarios
{
    public static readonly IReadOnlyList<string> Names = ["spread", "batch", "hot", "cross", "balance-short", "balance-long"];

    /// <summary>Searches of the exchange's listings (not part of "all": they need listings loaded first).</summary>
    public static readonly IReadOnlyList<string> SearchNames = ["search-ko1", "search-ko2", "search-en"];

    /// <summary>Sends one request of <paramref name="scenario"/>; returns the items done and refused.</summary>
    public static async Task<(int Ok, int Rejected)> SendAsync(string scenario, BenchWorld world, Random random, int batchSize, CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30);
        switch (scenario)
        {
            case "search-ko1":
            case "search-ko2":
            case "search-en":
                await world.Exchange.SearchListingsAsync(
                    new Contracts.Exchange.V1.SearchListingsRequest { Text = SearchCorpus.Term(scenario, random) }, deadline: deadline, cancellationToken: cancellationToken);
                return (1, 0);
            case "balance-short":
            case "balance-long":
                // An account no scenario touched, or the issuance account that every "hot" request grew.
                var id = scenario == "balance-long" ? world.HomeIssuance : world.Quiet[random.Next(world.Quiet.Count)];
                await world.Ledger.GetAccountAsync(new GetAccountRequest { AccountId = id }, deadline: deadline, cancellationToken: cancellationToken);
                return (1, 0);
            default:
                var response = await world.Ledger.CreateTransfersAsync(Transfers(scenario, world, random, batchSize), deadline: deadline, cancellationToken: cancellationToken);
                var ok = response.Outcomes.Count(o => o.Result == TransferResult.Ok);
                return (ok, response.Outcomes.Count - ok);
        }
    }

    private static CreateTransfersRequest Transfers(string scenario, BenchWorld world, Random random, int batchSize) => scenario switch
    {
        // Random pairs among the home district's members, one transfer per request.
        "spread" => Request(Pair(world.Home, random)),
        // The same, a thousand (batch-size) transfers per request.
        "batch" => Request(Enumerable.Range(0, batchSize).Select(_ => Pair(world.Home, random)).ToArray()),
        // Every request touches one account: minting from the district's issuance to a random member.
        "hot" => Request(Transfer(world.HomeIssuance, world.Home[random.Next(world.Home.Count)], TransferCode.Mint)),
        // A home member pays a member of the other district, through both clearing accounts.
        "cross" => Request(Transfer(world.Home[random.Next(world.Home.Count)], world.Away[random.Next(world.Away.Count)], TransferCode.Service)),
        _ => throw new ArgumentException($"Unknown scenario {scenario}.", nameof(scenario)),
    };

    private static TransferToCreate Pair(IReadOnlyList<string> accounts, Random random)
    {
        var from = random.Next(accounts.Count);
        var to = (from + 1 + random.Next(accounts.Count - 1)) % accounts.Count;
        return Transfer(accounts[from], accounts[to], TransferCode.Service);
    }

    private static TransferToCreate Transfer(string from, string to, TransferCode code) => new()
    {
        TransferId = Guid.NewGuid().ToString(), DebitAccountId = from, CreditAccountId = to, AmountMinutes = 1, Code = code,
    };

    private static CreateTransfersRequest Request(params TransferToCreate[] transfers)
    {
        var request = new CreateTransfersRequest();
        request.Transfers.AddRange(transfers);
        return request;
    }
}
