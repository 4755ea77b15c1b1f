using System.Reflection;
using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.Deciding;

namespace EPoomasi.Ledger.Tests.Deciders;

/// <summary>
/// Given what happened, when a command arrives, then this is decided: a transfer decider's test without a
/// database, in the style of Oskar Dudycz's EventSourcing.NetCore. The past is account events (folded
/// through Evolve) and earlier commands (decided and applied in turn); the answer is the decision itself,
/// its result, the events it would append and the record it would keep. The Exchange's deciders copy it.
/// </summary>
internal sealed class TransferSpec
{
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    public static readonly Attribution Kim = new("member:kim", null, "test");

    private readonly Dictionary<Guid, Account?> _accounts = [];
    private readonly Dictionary<Guid, TransferRecord?> _records = [];
    private DateTimeOffset _now = Now;

    /// <summary>Accounts as these events leave them.</summary>
    public static TransferSpec Given(params AccountEvent[] history)
    {
        var spec = new TransferSpec();
        foreach (var @event in history)
        {
            spec._accounts[@event.AccountId] = AccountEvolution.Evolve(spec._accounts.GetValueOrDefault(@event.AccountId), @event);
        }

        return spec;
    }

    /// <summary>Then these commands were decided, in order, and what stood was applied.</summary>
    public TransferSpec And(params TransferCommand[] earlier)
    {
        foreach (var command in earlier)
        {
            var workingSet = WorkingSetFor(command);
            var decision = BatchDecider.Decide(command, workingSet, _now);
            workingSet.Apply(decision);
            foreach (var record in decision.Records) _records[record.Id] = record;
            foreach (var account in workingSet.ChangedAccounts) _accounts[account.Id] = account;
        }

        return this;
    }

    /// <summary>The clock moves on.</summary>
    public TransferSpec After(TimeSpan elapsed)
    {
        _now += elapsed;
        return this;
    }

    public Decision When(TransferCommand command) => BatchDecider.Decide(command, WorkingSetFor(command), _now);

    /// <summary>The account as the past left it.</summary>
    public Account Account(Guid id) => _accounts[id]!;

    // What a transaction would have locked and read for this command: every known account and record, and
    // the ids the command names as unknown (they were looked up and not found).
    private LedgerWorkingSet WorkingSetFor(TransferCommand command)
    {
        var accounts = new Dictionary<Guid, Account?>(_accounts);
        var records = new Dictionary<Guid, TransferRecord?>(_records);
        foreach (var id in command.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.PropertyType == typeof(Guid)).Select(p => (Guid)p.GetValue(command)!))
        {
            accounts.TryAdd(id, null);
            records.TryAdd(id, null);
        }

        return new LedgerWorkingSet(accounts, records);
    }

    public static AccountOpened Member(Guid id, long floor = -600, long cap = 6_000, string district = "mapo") =>
        new(id, district, AccountKind.Member, null, new Minutes(floor), new Minutes(cap), Attribution.System, Now.AddDays(-1));

    /// <summary>A balance the account had before the scenario, as one entry from a third account.</summary>
    public static EntryPosted Credited(Guid id, long minutes, long balanceAfter) =>
        new(id, Guid.NewGuid(), EntrySide.Credit, new Minutes(minutes), new Minutes(balanceAfter), Guid.NewGuid(), TransferCode.Service, "", Attribution.System, Now.AddHours(-1));
}
