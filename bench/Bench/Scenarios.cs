using EPoomasi.Contracts.Ledger.V1;

namespace EPoomasi.Bench;

/// <summary>The workloads: each builds one request from a random source.</summary>
internal static class Scenarios
{
    public static readonly IReadOnlyList<string> Names = ["spread", "batch", "hot", "cross"];

    /// <summary>One request of <paramref name="scenario"/>: its transfers, always one minute each.</summary>
    public static CreateTransfersRequest Build(string scenario, BenchWorld world, Random random, int batchSize) => scenario switch
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
