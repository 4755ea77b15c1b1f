using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Tests.Invariants;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.VoidingHold;

namespace EPoomasi.Ledger.Tests.Concurrency;

public sealed class a_hold_resolves_at_most_once(PostgresFixture postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task post_and_void_racing_from_different_processes_have_exactly_one_winner_per_hold()
    {
        await using var processes = await Processes.StartAsync(postgres, count: 4);
        var ledger = processes.First;
        var (receiver, provider, holds) = await PlaceHoldsAsync(ledger, 30, new Minutes(10), TimeSpan.FromHours(1));

        var outcomes = await processes.RaceAsync(120, (process, i) => process.SubmitOneAsync(i % 4 < 2
            ? new PostHold(Guid.NewGuid(), holds[i / 4], new Minutes(6), TestLedger.Member)
            : new VoidHold(Guid.NewGuid(), holds[i / 4], TestLedger.Member)));

        var perHold = outcomes.Select((o, i) => (Hold: holds[i / 4], o.Result)).GroupBy(x => x.Hold).ToList();
        Assert.All(perHold, race =>
        {
            Assert.Single(race, x => x.Result == TransferResult.Ok);
            Assert.All(race.Where(x => x.Result != TransferResult.Ok),
                x => Assert.Contains(x.Result, new[] { TransferResult.HoldAlreadyPosted, TransferResult.HoldAlreadyVoided }));
        });
        var posted = outcomes.Count(o => o.IsOk && o.Record!.Kind == TransferKind.HoldPost);
        Assert.Equal(new Minutes(6 * posted), (await ledger.AccountAsync(provider)).Balance);
        Assert.Equal(Minutes.Zero, (await ledger.AccountAsync(receiver)).DebitsPending);
        var books = await Books.ReadAsync(ledger);
        Invariant.EachHoldResolvesAtMostOnce(books);
        Invariant.FoldingRebuildsStoredState(books);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task once_expired_post_void_and_expirers_racing_leave_it_expired_exactly_once()
    {
        await using var processes = await Processes.StartAsync(postgres, count: 4);
        var ledger = processes.First;
        var (receiver, provider, holds) = await PlaceHoldsAsync(ledger, 10, new Minutes(30), TimeSpan.FromMinutes(30));

        ledger.Clock.Advance(TimeSpan.FromMinutes(30));
        var posts = processes.RaceAsync(20, (process, i) => process.SubmitOneAsync(i % 2 == 0
            ? new PostHold(Guid.NewGuid(), holds[i / 2], null, TestLedger.Member)
            : new VoidHold(Guid.NewGuid(), holds[i / 2], TestLedger.Member)));
        var expirers = processes.RaceAsync(4, (process, _) => process.Expirer.ExpireDueAsync(100, CancellationToken.None));

        Assert.All(await posts, o => Assert.Equal(TransferResult.HoldExpired, o.Result));
        Assert.Equal(10, (await expirers).Sum());
        Assert.Equal(Minutes.Zero, (await ledger.AccountAsync(provider)).Balance);
        Assert.Equal(Minutes.Zero, (await ledger.AccountAsync(receiver)).DebitsPending);
        Invariant.EachHoldResolvesAtMostOnce(await Books.ReadAsync(ledger));
    }

    private static async Task<(Guid Receiver, Guid Provider, List<Guid> Holds)> PlaceHoldsAsync(TestLedger ledger, int count, Minutes amount, TimeSpan timeout)
    {
        await ledger.CreateDistrictAsync("mapo");
        var receiver = await ledger.OpenMemberAsync("mapo", startHours: 10);
        var provider = await ledger.OpenMemberAsync("mapo");
        var holds = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var hold = new CreateTransfer(Guid.NewGuid(), receiver, provider, amount, TransferCode.Service, "", TestLedger.Member, timeout);
            Assert.Equal(TransferResult.Ok, (await ledger.SubmitOneAsync(hold)).Result);
            holds.Add(hold.Id);
        }

        return (receiver, provider, holds);
    }
}
