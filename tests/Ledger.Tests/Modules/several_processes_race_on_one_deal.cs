using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Tests.Modules.TinyExchange;

namespace EPoomasi.Ledger.Tests.Modules;

// Two hosts (gateway processes) with the tiny exchange registered, on one database: the item's lock and the
// key of a new item keep their commands in one order, whichever process and transaction each lands in.
public sealed class several_processes_race_on_one_deal(PostgresFixture postgres) : ModuleTest(postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task of_many_acceptances_of_one_deal_exactly_one_places_a_hold()
    {
        var dealId = await ProposeAsync(minutes: 60);
        await using var second = await LedgerModule.OpenAsync(new LedgerSettings(Ledger.ConnectionString), Ledger.Clock, Ct);
        var secondDeals = second.Register(new DealDecider());

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            (i % 2 == 0 ? Deals : secondDeals).SubmitAsync(new AcceptDeal(Guid.NewGuid(), Receiver, dealId), Ct)));

        Assert.Single(outcomes, o => o.Result == DealResult.Accepted);
        Assert.All(outcomes.Where(o => o.Result != DealResult.Accepted), o => Assert.Equal(DealResult.NotProposed, o.Result));
        Assert.Equal(60, (await Ledger.AccountAsync(ReceiverAccount)).DebitsPending.Value);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task of_many_proposals_of_one_new_deal_exactly_one_creates_it()
    {
        var dealId = Guid.NewGuid();
        await using var second = await LedgerModule.OpenAsync(new LedgerSettings(Ledger.ConnectionString), Ledger.Clock, Ct);
        var secondDeals = second.Register(new DealDecider());

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            (i % 2 == 0 ? Deals : secondDeals).SubmitAsync(new ProposeDeal(Guid.NewGuid(), Receiver, dealId, ProviderAccount, ReceiverAccount, 30 + i), Ct)));

        Assert.Single(outcomes, o => o.Result == DealResult.Proposed);
        Assert.All(outcomes.Where(o => o.Result != DealResult.Proposed), o => Assert.Equal(DealResult.AlreadyProposed, o.Result));
        Assert.Equal(1L, (await Deals.GetAsync(dealId.ToString(), Ct))!.Value.Version);
        Assert.Null((await Door.RebuildProjectionsAsync(Ct)).FirstDifference);
    }
}
