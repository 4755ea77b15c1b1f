using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Ledger.Writing;

/// <summary>
/// Splits a group of batches into parts that share no account and no transfer id, so that each part
/// can run in a transaction of its own, at the same time as the others, without waiting on their locks
/// and without changing what any item decides: items that touch the same account or the same id, and
/// the items of one linked chain, always stay in one part, in their submitted order.
/// <para>
/// Why: with one transaction at a time PostgreSQL works on one core. A thousand random transfers among
/// ten thousand accounts form hundreds of small independent clusters, so two parts come out nearly even.
/// A hot account joins everything that touches it into one part, which is then the whole group.
/// </para>
/// </summary>
internal static class IndependentParts
{
    /// <summary>
    /// At most <paramref name="maxParts"/> parts, balanced by item count; one part holding everything
    /// when the items cannot be separated. Every item lands in exactly one part.
    /// </summary>
    /// <param name="keysOf">The accounts and transfer ids an item touches.</param>
    public static IReadOnlyList<Part> Split(IReadOnlyList<IReadOnlyList<TransferCommand>> batches, Func<TransferCommand, IEnumerable<Guid>> keysOf, int maxParts)
    {
        var items = Flatten(batches);
        if (maxParts < 2 || items.Count < 2)
        {
            return [Whole(batches)];
        }

        var clusters = new UnionFind(items.Count);
        var firstItemWithKey = new Dictionary<Guid, int>();
        for (var item = 0; item < items.Count; item++)
        {
            var (batch, index) = items[item];
            var command = batches[batch][index];
            if (command.Linked && index < batches[batch].Count - 1)
            {
                clusters.Join(item, item + 1);
            }

            foreach (var key in keysOf(command))
            {
                if (!firstItemWithKey.TryAdd(key, item)) clusters.Join(item, firstItemWithKey[key]);
            }
        }

        var bins = Pack(items.Count, clusters, maxParts);
        return bins.Count == 1 ? [Whole(batches)] : bins.Select(bin => PartOf(bin, items, batches)).ToList();
    }

    /// <summary>Everything in one part.</summary>
    public static Part Whole(IReadOnlyList<IReadOnlyList<TransferCommand>> batches) =>
        new(batches.Select((batch, i) => new PartBatch(i, Enumerable.Range(0, batch.Count).ToArray(), batch)).ToList());

    private static List<(int Batch, int Index)> Flatten(IReadOnlyList<IReadOnlyList<TransferCommand>> batches)
    {
        var items = new List<(int, int)>();
        for (var batch = 0; batch < batches.Count; batch++)
        {
            for (var index = 0; index < batches[batch].Count; index++)
            {
                items.Add((batch, index));
            }
        }

        return items;
    }

    // Largest cluster first into the emptiest bin: near-even bins when clusters are small.
    private static List<List<int>> Pack(int itemCount, UnionFind clusters, int maxParts)
    {
        var members = Enumerable.Range(0, itemCount).GroupBy(clusters.Root).Select(g => g.ToList()).OrderByDescending(c => c.Count).ToList();
        var bins = Enumerable.Range(0, Math.Min(maxParts, members.Count)).Select(_ => new List<int>()).ToList();
        foreach (var cluster in members)
        {
            bins.MinBy(b => b.Count)!.AddRange(cluster);
        }

        return bins;
    }

    private static Part PartOf(List<int> bin, List<(int Batch, int Index)> items, IReadOnlyList<IReadOnlyList<TransferCommand>> batches)
    {
        // Ascending item numbers keep batches in order and each batch's items in submitted order.
        bin.Sort();
        return new Part(bin.GroupBy(item => items[item].Batch).Select(g =>
        {
            var indices = g.Select(item => items[item].Index).ToArray();
            return new PartBatch(g.Key, indices, indices.Select(i => batches[g.Key][i]).ToList());
        }).ToList());
    }

    private sealed class UnionFind(int size)
    {
        private readonly int[] _parent = Enumerable.Range(0, size).ToArray();

        public int Root(int item)
        {
            while (_parent[item] != item)
            {
                _parent[item] = _parent[_parent[item]];
                item = _parent[item];
            }

            return item;
        }

        public void Join(int a, int b) => _parent[Root(a)] = Root(b);
    }
}

/// <summary>The items of one transaction: for each batch with items in it, which ones, in order.</summary>
internal sealed record Part(IReadOnlyList<PartBatch> Batches);

/// <summary>Items <see cref="Indices"/> of batch <see cref="BatchIndex"/>, as the <see cref="Commands"/> to decide.</summary>
internal sealed record PartBatch(int BatchIndex, int[] Indices, IReadOnlyList<TransferCommand> Commands);
