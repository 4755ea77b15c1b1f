using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Reading;
using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Ledger.Tests.Invariants;

/// <summary>The invariants of DESIGN.md, each checked against everything stored. Each throws on the first breach.</summary>
public static class Invariant
{
    /// <summary>1. Σ balances = 0 over the city and over each district; clearing(X→Y) = −clearing(Y→X).</summary>
    public static void BalancesSumToZero(Books books)
    {
        Assert.Equal(0, books.Accounts.Sum(a => a.Balance.Value));
        foreach (var district in books.Accounts.GroupBy(a => a.DistrictId))
        {
            Assert.True(district.Sum(a => a.Balance.Value) == 0, $"District {district.Key} does not balance.");
        }

        var clearings = books.Accounts.Where(a => a.Kind == AccountKind.Clearing).ToDictionary(a => (a.DistrictId, a.CounterpartDistrictId!));
        foreach (var ((home, away), clearing) in clearings)
        {
            Assert.Equal(-clearing.Balance, clearings[(away, home)].Balance);
        }
    }

    /// <summary>2. balance = credits posted − debits posted; available = balance − pending debits of open holds.</summary>
    public static void BalanceIsCreditsMinusDebits(Books books)
    {
        var entries = books.Entries.ToLookup(e => e.AccountId);
        var pendingHolds = books.Records.Where(r => r.IsPendingHold).ToList();
        foreach (var account in books.Accounts)
        {
            var credits = entries[account.Id].Where(e => e.Side == EntrySide.Credit).Sum(e => e.AmountMinutes.Value);
            var debits = entries[account.Id].Where(e => e.Side == EntrySide.Debit).Sum(e => e.AmountMinutes.Value);
            Assert.Equal((credits, debits), (account.CreditsPosted.Value, account.DebitsPosted.Value));
            Assert.Equal(credits - debits, account.Balance.Value);
            var pendingDebits = pendingHolds.SelectMany(h => h.Legs.Where(l => l.DebitAccountId == account.Id).Select(_ => h.AmountMinutes.Value)).Sum();
            Assert.Equal(account.Balance.Value - pendingDebits, account.Available.Value);
        }
    }

    /// <summary>3. No account below its floor or above its cap, pending included; no pot below zero.</summary>
    public static void EveryAccountWithinItsLimits(Books books)
    {
        foreach (var account in books.Accounts)
        {
            Assert.True(account.Balance - account.DebitsPending >= account.Floor, $"Account {account.Id} is below its floor.");
            Assert.True(account.Balance + account.CreditsPending <= account.Cap, $"Account {account.Id} is above its cap.");
            if (account.Kind == AccountKind.CommunityPot)
            {
                Assert.True(account.Available >= Minutes.Zero, $"Pot {account.Id} is below zero.");
            }
        }
    }

    /// <summary>
    /// 4. A rejected command changes nothing: accounts and events are as before, and the only new
    /// records are the failures remembered against the rejected ids.
    /// </summary>
    public static void RejectionChangedNothing(Books before, Books after, IEnumerable<TransferOutcome> outcomes)
    {
        Assert.Equal(before.Accounts.OrderBy(a => a.Id), after.Accounts.OrderBy(a => a.Id));
        Assert.Equal(before.AccountEvents.Count, after.AccountEvents.Count);
        var remembered = outcomes.Where(o => !o.Replayed && o.Record is not null).Select(o => o.Record!.Id).ToHashSet();
        var changed = after.Records.Where(record => !before.Records.Any(old => SameRecord(old, record))).ToList();
        Assert.All(changed, record =>
        {
            Assert.Contains(record.Id, remembered);
            Assert.NotEqual(TransferResult.Ok, record.Result);
        });
    }

    private static readonly Leg[] Empty = [];

    // Records hold a list of legs, which record equality would compare by reference.
    private static bool SameRecord(TransferRecord a, TransferRecord b) =>
        (a with { Legs = Empty }) == (b with { Legs = Empty }) && a.Legs.SequenceEqual(b.Legs);

    /// <summary>5 (effects). Each successful movement's entries exist exactly once: two per leg; none for anything else.</summary>
    public static void EachEffectExistsOnce(Books books)
    {
        var entries = books.Entries.GroupBy(e => e.TransferId).ToDictionary(g => g.Key, g => g.Count());
        foreach (var record in books.Records)
        {
            var moves = record.Result == TransferResult.Ok && record.Kind is TransferKind.Transfer or TransferKind.HoldPost or TransferKind.Reversal;
            Assert.Equal(moves ? 2 * record.Legs.Count : 0, entries.GetValueOrDefault(record.Id));
        }

        Assert.All(entries.Keys, id => Assert.Contains(books.Records, r => r.Id == id));
    }

    /// <summary>6. Each hold resolves at most once, and nothing stays reserved after it resolves.</summary>
    public static void EachHoldResolvesAtMostOnce(Books books)
    {
        var released = books.AccountEvents.Select(e => e.Event).OfType<HoldReleased>().GroupBy(e => e.HoldId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var hold in books.Records.Where(r => r.Kind == TransferKind.Hold && r.Result == TransferResult.Ok))
        {
            var releases = released.GetValueOrDefault(hold.Id) ?? [];
            Assert.Equal(hold.HoldState == HoldState.Pending ? 0 : 2 * hold.Legs.Count, releases.Count);
            Assert.True(releases.Select(r => r.Resolution).Distinct().Count() <= 1, $"Hold {hold.Id} resolved more than one way.");
        }

        foreach (var account in books.Accounts)
        {
            var open = books.Records.Where(r => r.IsPendingHold).ToList();
            var debits = open.SelectMany(h => h.Legs.Where(l => l.DebitAccountId == account.Id).Select(_ => h.AmountMinutes.Value)).Sum();
            var credits = open.SelectMany(h => h.Legs.Where(l => l.CreditAccountId == account.Id).Select(_ => h.AmountMinutes.Value)).Sum();
            Assert.Equal((debits, credits), (account.DebitsPending.Value, account.CreditsPending.Value));
        }
    }

    /// <summary>
    /// 7. Folding all events rebuilds exactly the stored accounts, and the statement entries are exactly
    /// the entries of that history, each at its account's version.
    /// </summary>
    public static void FoldingRebuildsStoredState(Books books)
    {
        var histories = books.AccountEvents.GroupBy(e => e.Event.AccountId).ToDictionary(g => g.Key, g => g.Select(e => e.Event).ToList());
        Assert.Equal(books.Accounts.Count, histories.Count);
        foreach (var account in books.Accounts)
        {
            Assert.Equal(account, AccountEvolution.Fold(histories[account.Id]));
        }

        var projected = books.AccountEvents
            .Where(e => e.Event is EntryPosted)
            .Select(e => (e.Event.AccountId, ToStatementEntry(e.Version, (EntryPosted)e.Event)))
            .OrderBy(e => e.AccountId).ThenBy(e => e.Item2.Position);
        Assert.Equal(projected, books.StoredEntries.OrderBy(e => e.Account).ThenBy(e => e.Entry.Position));
    }

    private static StatementEntry ToStatementEntry(long version, EntryPosted entry) =>
        new(version, entry.TransferId, entry.Side, entry.AmountMinutes, entry.BalanceAfterMinutes, entry.CounterpartyAccountId, entry.Code, entry.Memo, entry.By, entry.At);

    /// <summary>8. A transfer is reversed at most once, and the original names its one reversal.</summary>
    public static void EachTransferReversedAtMostOnce(Books books)
    {
        var reversals = books.Records.Where(r => r.Kind == TransferKind.Reversal && r.Result == TransferResult.Ok).ToList();
        foreach (var group in reversals.GroupBy(r => r.ReversesTransferId))
        {
            Assert.Single(group);
            Assert.Equal(group.Single().Id, books.Records.Single(r => r.Id == group.Key).ReversedByTransferId);
        }

        Assert.All(books.Records.Where(r => r.ReversedByTransferId is not null),
            original => Assert.Contains(reversals, r => r.Id == original.ReversedByTransferId && r.ReversesTransferId == original.Id));
    }
}
