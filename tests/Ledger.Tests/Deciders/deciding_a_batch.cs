using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.Deciding;
using static EPoomasi.Ledger.Tests.Deciders.TransferSpec;

namespace EPoomasi.Ledger.Tests.Deciders;

/// <summary>A batch is decided item by item, in order; linked items succeed or fail together.</summary>
public sealed class deciding_a_batch
{
    private static readonly Guid Kim = Guid.NewGuid();
    private static readonly Guid Lee = Guid.NewGuid();
    private static readonly Guid Choi = Guid.NewGuid();

    private static CreateTransfer Pay(Guid from, Guid to, long minutes, bool linked = false) =>
        new(Guid.NewGuid(), from, to, new Minutes(minutes), TransferCode.Service, "", TransferSpec.Kim, Linked: linked);

    private static TransferOutcome[] Decide(params CreateTransfer[] batch)
    {
        var accounts = new Dictionary<Guid, Account?>();
        foreach (var opened in new[] { Member(Kim, floor: -60), Member(Lee, floor: -60), Member(Choi, floor: -60) })
        {
            accounts[opened.AccountId] = AccountEvolution.Evolve(null, opened);
        }

        var records = batch.ToDictionary(c => c.Id, TransferRecord? (_) => null);
        return BatchDecider.DecideBatch(batch, new LedgerWorkingSet(accounts, records), Now);
    }

    [Fact]
    public void a_later_item_sees_what_an_earlier_one_did()
    {
        var outcomes = Decide(Pay(Kim, Lee, 60), Pay(Kim, Choi, 1));

        Assert.Equal([TransferResult.Ok, TransferResult.DebitBelowFloor], outcomes.Select(o => o.Result));
    }

    [Fact]
    public void a_linked_chain_fails_as_a_whole_and_leaves_no_trace()
    {
        // A chain runs up to and including the first item not linked to the next.
        var outcomes = Decide(Pay(Kim, Lee, 30, linked: true), Pay(Lee, Choi, 100), Pay(Kim, Choi, 60));

        Assert.Equal([TransferResult.LinkedEventFailed, TransferResult.DebitBelowFloor, TransferResult.Ok], outcomes.Select(o => o.Result));
    }

    [Fact]
    public void a_chain_left_open_at_the_end_of_the_batch_fails()
    {
        var outcomes = Decide(Pay(Kim, Lee, 1, linked: true));

        Assert.Equal([TransferResult.LinkedEventChainOpen], outcomes.Select(o => o.Result));
    }
}
