using EPoomasi.Ledger.Auditing;
using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Tests.Model;
using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Ledger.Tests.Properties;

/// <summary>
/// Random command sequences, valid and invalid, run against the real ledger on PostgreSQL and against
/// the reference model; every result and every balance must agree after every step, and over the
/// scenarios every result the ledger documents must occur. After each scenario, every projection rebuilt from
/// the event log alone must equal the live tables. Set LEDGER_MODEL_SEED to explore other seeds.
/// </summary>
public sealed class the_ledger_agrees_with_its_reference_model(PostgresFixture postgres)
{
    private static readonly ulong[] DefaultSeeds = [1, 2, 3, 4];

    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task on_random_command_sequences_and_every_rejection_reason_occurs()
    {
        var seen = new Dictionary<TransferResult, int>();
        foreach (var seed in Seeds())
        {
            await using var ledger = await TestLedger.CreateAsync(postgres);
            var run = new ScenarioRun(ledger, await World.BuildAsync(ledger), seed);
            await run.RunAsync(Scenarios.Sample(seed, length: 300));
            var rebuilt = await new ProjectionRebuild(ledger.Store).RunAsync(TestContext.Current.CancellationToken);
            Assert.True(rebuilt.Agrees, $"Seed {seed}: the projections rebuilt from the event log differ: {rebuilt.FirstDifference}");
            foreach (var (result, count) in run.Seen)
            {
                seen[result] = seen.GetValueOrDefault(result) + count;
            }
        }

        var missing = Enum.GetValues<TransferResult>().Except(seen.Keys).ToList();
        Assert.True(missing.Count == 0,
            $"Results that never occurred: {string.Join(", ", missing)}. Seen: {string.Join(", ", seen.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}");
    }

    private static ulong[] Seeds() =>
        ulong.TryParse(Environment.GetEnvironmentVariable("LEDGER_MODEL_SEED"), out var seed) ? [seed, .. DefaultSeeds] : DefaultSeeds;
}
