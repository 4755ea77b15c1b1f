using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.ExpiringHold;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.ReversingTransfer;
using EPoomasi.Ledger.Transfers.VoidingHold;

namespace EPoomasi.Ledger.Writing;

/// <summary>
/// Every account each item may touch, worked out before any lock is taken, so that a transaction can
/// lock all of them in one ordered statement. Holds and reversals name their accounts through records
/// read here without locks: the accounts of a record never change, and whatever else changed by the
/// time the locks are held is read again under them. A cross-district transfer also touches the two
/// clearing accounts between its districts.
/// </summary>
internal sealed class AccountPlan
{
    private readonly Dictionary<TransferCommand, List<Guid>> _accounts = new(ReferenceEqualityComparer.Instance);

    private AccountPlan()
    {
    }

    /// <summary>All accounts of all items, none empty.</summary>
    public HashSet<Guid> Accounts { get; } = [];

    /// <summary>The records items refer to (holds to post or void, transfers to reverse).</summary>
    public HashSet<Guid> ReferencedRecords { get; } = [];

    /// <summary>
    /// Every referenced record and every named account was found. Only then is the plan final: otherwise
    /// a record or account created a moment later could widen it once the locks are taken.
    /// </summary>
    public bool IsComplete { get; private set; } = true;

    /// <summary>What an item shares with any other item it must be decided with: its accounts and ids.</summary>
    public IEnumerable<Guid> KeysOf(TransferCommand command)
    {
        foreach (var account in _accounts[command]) yield return account;
        if (command.Id != Guid.Empty) yield return command.Id;
        if (ReferencedRecordId(command) is { } referenced && referenced != Guid.Empty) yield return referenced;
    }

    /// <summary>The plan of some of this plan's items, for a transaction that takes only those.</summary>
    public AccountPlan For(IEnumerable<TransferCommand> commands)
    {
        var part = new AccountPlan { IsComplete = IsComplete };
        foreach (var command in commands)
        {
            var accounts = _accounts[command];
            part._accounts[command] = accounts;
            part.Accounts.UnionWith(accounts);
            if (ReferencedRecordId(command) is { } referenced && referenced != Guid.Empty) part.ReferencedRecords.Add(referenced);
        }

        return part;
    }

    public static async Task<AccountPlan> MakeAsync(LedgerStore store, IReadOnlyList<TransferCommand> commands, CancellationToken cancellationToken)
    {
        var plan = new AccountPlan();
        plan.ReferencedRecords.UnionWith(commands.Select(ReferencedRecordId).OfType<Guid>().Where(id => id != Guid.Empty));
        var referenced = await LoadReferencedAsync(store, plan.ReferencedRecords, cancellationToken);
        var creates = commands.OfType<CreateTransfer>().ToList();
        var districts = await store.Directory.DistrictsOfAsync(creates.SelectMany(c => new[] { c.DebitAccountId, c.CreditAccountId }), cancellationToken);
        plan.IsComplete = referenced.Count == plan.ReferencedRecords.Count;

        foreach (var command in commands)
        {
            var accounts = new List<Guid>(2);
            if (command is CreateTransfer create)
            {
                accounts.Add(create.DebitAccountId);
                accounts.Add(create.CreditAccountId);
                if (!districts.TryGetValue(create.DebitAccountId, out var from) | !districts.TryGetValue(create.CreditAccountId, out var to))
                {
                    plan.IsComplete = false;
                }
                else if (from != to)
                {
                    accounts.Add(WellKnownAccounts.Clearing(from!, to!));
                    accounts.Add(WellKnownAccounts.Clearing(to!, from!));
                }
            }
            else if (ReferencedRecordId(command) is { } id && referenced.TryGetValue(id, out var record))
            {
                accounts.AddRange(record.Legs.SelectMany(leg => new[] { leg.DebitAccountId, leg.CreditAccountId }));
                accounts.Add(record.DebitAccountId);
                accounts.Add(record.CreditAccountId);
            }

            accounts.RemoveAll(a => a == Guid.Empty);
            plan._accounts[command] = accounts;
            plan.Accounts.UnionWith(accounts);
        }

        return plan;
    }

    private static async Task<Dictionary<Guid, TransferRecord>> LoadReferencedAsync(LedgerStore store, HashSet<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var records = await TransfersTable.LoadAsync(store, ids, cancellationToken);
        return records.ToDictionary(r => r.Id);
    }

    private static Guid? ReferencedRecordId(TransferCommand command) => command switch
    {
        PostHold post => post.HoldId,
        VoidHold @void => @void.HoldId,
        ExpireHold expire => expire.HoldId,
        ReverseTransfer reverse => reverse.TransferId,
        _ => null,
    };
}
