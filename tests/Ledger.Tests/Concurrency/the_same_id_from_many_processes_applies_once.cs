using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Tests.Invariants;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;

namespace EPoomasi.Ledger.Tests.Concurrency;

public sealed class the_same_id_from_many_processes_applies_once(PostgresFixture postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task twenty_concurrent_submissions_of_one_transfer_move_its_minutes_once()
    {
        await using var processes = await Processes.StartAsync(postgres, count: 4);
        var ledger = processes.First;
        await ledger.CreateDistrictAsync("mapo");
        var kim = await ledger.OpenMemberAsync("mapo", startHours: 2);
        var lee = await ledger.OpenMemberAsync("mapo");
        var pay = new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(45), TransferCode.Service, "garden", TestLedger.Member);

        var outcomes = await processes.RaceAsync(20, (process, _) => process.SubmitOneAsync(pay));

        Assert.All(outcomes, o => Assert.Equal(TransferResult.Ok, o.Result));
        Assert.Single(outcomes, o => !o.Replayed);
        Assert.Equal(new Minutes(45), (await ledger.AccountAsync(lee)).Balance);
        Invariant.EachEffectExistsOnce(await Books.ReadAsync(ledger));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task one_id_raced_with_different_accounts_succeeds_once_and_the_rest_are_told_it_exists()
    {
        await using var processes = await Processes.StartAsync(postgres, count: 4);
        var ledger = processes.First;
        await ledger.CreateDistrictAsync("mapo");
        var members = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            members.Add(await ledger.OpenMemberAsync("mapo", startHours: 1));
        }

        // Disjoint account pairs lock disjoint rows, so only the id's unique key can stop the doubles.
        var id = Guid.NewGuid();
        var outcomes = await processes.RaceAsync(4, (process, i) => process.SubmitOneAsync(
            new CreateTransfer(id, members[2 * i], members[2 * i + 1], new Minutes(10), TransferCode.Service, "", TestLedger.Member)));

        Assert.Single(outcomes, o => o.Result == TransferResult.Ok);
        Assert.Equal(3, outcomes.Count(o => o.Result == TransferResult.ExistsWithDifferentFields));
        var books = await Books.ReadAsync(ledger);
        Assert.Equal(2, books.Entries.Count(e => e.TransferId == id));
        Invariant.BalancesSumToZero(books);
    }
}
