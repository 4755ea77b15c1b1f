using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Writing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EPoomasi.Ledger.Tests.Writing;

/// <summary>
/// Splitting a group of batches into transactions that run at once: whatever the batches, every item
/// lands in exactly one part, in its submitted order; no account or id is in two parts; a linked chain
/// stays whole. Few accounts and reused ids make clusters large and splits rare, many make them common.
/// </summary>
public sealed class IndependentPartsProperties
{
    private static readonly Guid[] AccountPool = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToArray();
    private static readonly Guid[] IdPool = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToArray();

    public static Arbitrary<List<List<TransferCommand>>> Groups()
    {
        var item = from debit in Gen.Elements(AccountPool)
                   from credit in Gen.Elements(AccountPool)
                   from id in Gen.Elements(IdPool)
                   from linked in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
                   select (TransferCommand)new CreateTransfer(id, debit, credit, new Minutes(1), TransferCode.Service, "", Attribution.System, Linked: linked);
        var batch = from size in Gen.Choose(0, 12) from items in Gen.ListOf(item, size) select items.ToList();
        return (from count in Gen.Choose(1, 5) from batches in Gen.ListOf(batch, count) select batches.ToList()).ToArbitrary();
    }

    private static IEnumerable<Guid> KeysOf(TransferCommand command) =>
        command is CreateTransfer create ? [create.DebitAccountId, create.CreditAccountId, create.Id] : [command.Id];

    private static IReadOnlyList<Part> Split(List<List<TransferCommand>> group, int maxParts) =>
        IndependentParts.Split(group.Select(b => (IReadOnlyList<TransferCommand>)b).ToList(), KeysOf, maxParts);

    [Property(Arbitrary = [typeof(IndependentPartsProperties)])]
    public bool Every_item_lands_in_exactly_one_part_in_submitted_order(List<List<TransferCommand>> group, PositiveInt maxParts)
    {
        var parts = Split(group, maxParts.Get % 4 + 1);
        var placed = parts.SelectMany(p => p.Batches.SelectMany(b => b.Indices.Select(i => (b.BatchIndex, i)))).ToList();
        var expected = group.SelectMany((batch, b) => batch.Select((_, i) => (b, i))).ToList();
        return placed.Count == expected.Count
            && placed.ToHashSet().SetEquals(expected)
            && parts.Count <= maxParts.Get % 4 + 1
            && parts.All(p => p.Batches.Select(b => b.BatchIndex).SequenceEqual(p.Batches.Select(b => b.BatchIndex).Order().Distinct())
                && p.Batches.All(b => b.Indices.SequenceEqual(b.Indices.Order().Distinct())
                    && b.Commands.SequenceEqual(b.Indices.Select(i => group[b.BatchIndex][i]))));
    }

    [Property(Arbitrary = [typeof(IndependentPartsProperties)])]
    public bool No_account_or_id_is_in_two_parts(List<List<TransferCommand>> group)
    {
        var keysPerPart = Split(group, 3).Select(p => p.Batches.SelectMany(b => b.Commands).SelectMany(KeysOf).ToHashSet()).ToList();
        return keysPerPart.SelectMany(k => k).Count() == keysPerPart.SelectMany(k => k).Distinct().Count();
    }

    [Property(Arbitrary = [typeof(IndependentPartsProperties)])]
    public bool A_linked_chain_stays_in_one_part(List<List<TransferCommand>> group)
    {
        var partOf = new Dictionary<(int, int), int>();
        var parts = Split(group, 3);
        for (var p = 0; p < parts.Count; p++)
        {
            foreach (var batch in parts[p].Batches)
            {
                foreach (var index in batch.Indices) partOf[(batch.BatchIndex, index)] = p;
            }
        }

        return group.Select((batch, b) => Enumerable.Range(0, Math.Max(batch.Count - 1, 0))
            .Where(i => batch[i].Linked)
            .All(i => partOf[(b, i)] == partOf[(b, i + 1)])).All(ok => ok);
    }

    [Fact]
    public void Unrelated_transfers_are_spread_evenly_and_a_hot_account_joins_everything()
    {
        var unrelated = Enumerable.Range(0, 100)
            .Select(_ => (TransferCommand)new CreateTransfer(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new Minutes(1), TransferCode.Service, "", Attribution.System))
            .ToList();
        Assert.Equal([50, 50], Split([unrelated], 2).Select(p => p.Batches.Sum(b => b.Indices.Length)));

        var issuance = Guid.NewGuid();
        var minting = Enumerable.Range(0, 100)
            .Select(_ => (TransferCommand)new CreateTransfer(Guid.NewGuid(), issuance, Guid.NewGuid(), new Minutes(1), TransferCode.Mint, "", Attribution.System))
            .ToList();
        Assert.Single(Split([minting, unrelated], 1));
        var hot = Split([minting], 2);
        Assert.Equal(100, Assert.Single(hot).Batches.Single().Indices.Length);
    }
}
