using EPoomasi.Ledger.Accounts.ChangingLimits;
using EPoomasi.Ledger.Accounts.ClosingAccount;
using EPoomasi.Ledger.Accounts.FreezingAccount;
using EPoomasi.Ledger.Accounts.OpeningAccount;
using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Districts.SettingMintBudget;
using EPoomasi.Ledger.Districts.SettingTrustLimit;
using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.ReversingTransfer;
using EPoomasi.Ledger.Transfers.VoidingHold;
using FsCheck;
using FsCheck.Fluent;

namespace EPoomasi.Ledger.Tests.Model;

/// <summary>
/// FsCheck generators of scenarios over <see cref="World"/>. Ids come from a small pool, so that ids
/// are reused, holds are found or not, and transfers are reversed twice, as often as they are not.
/// Every command shape, valid and invalid, has a weight, so that every rejection reason occurs.
/// </summary>
public static class Scenarios
{
    // Pools large enough that most commands bring a new id, small enough that ids collide now and then.
    private static readonly Guid[] IdPool = Enumerable.Range(1, 250).Select(i => new Guid($"10000000-0000-0000-0000-{i:D12}")).ToArray();

    // Transfers that move minutes at once take their ids from here, and reversals mostly aim here.
    private static readonly Guid[] TransferPool = Enumerable.Range(1, 80).Select(i => new Guid($"30000000-0000-0000-0000-{i:D12}")).ToArray();

    // Holds take their ids from a pool of their own, which posts and voids mostly point into.
    private static readonly Guid[] HoldPool = Enumerable.Range(1, 40).Select(i => new Guid($"20000000-0000-0000-0000-{i:D12}")).ToArray();

    private static readonly Gen<Guid> Id = Gen.Frequency((30, Gen.Elements(IdPool)), (1, Gen.Constant(Guid.Empty)));


    // Practically unique: most real clients never reuse an id.
    private static readonly Gen<Guid> Fresh =
        from a in Gen.Choose(0, int.MaxValue)
        from b in Gen.Choose(0, int.MaxValue)
        select unchecked(new Guid((uint)a, 0x4000, 0, 0, 0, 0, 0, (byte)(b >> 24), (byte)(b >> 16), (byte)(b >> 8), (byte)b));

    /// <summary>Stands for the k-th most recent hold a scenario created; <see cref="ScenarioRun"/> resolves it.</summary>
    public static Guid RecentHold(int k) => new($"eeeeeeee-0000-0000-0000-{k:D12}");

    /// <summary>Stands for the k-th most recent transfer or post a scenario submitted.</summary>
    public static Guid RecentTransfer(int k) => new($"dddddddd-0000-0000-0000-{k:D12}");

    private static readonly Gen<Guid> HoldRef = Gen.Frequency(
        (12, Gen.Choose(0, 3).Select(RecentHold)), (2, Gen.Elements(HoldPool)), (1, Gen.Elements(IdPool)), (1, Gen.Constant(Guid.Empty)));

    // Own ids of posts, voids and reversals: mostly new, sometimes reused, rarely empty.
    private static readonly Gen<Guid> ItemId = Gen.Frequency((20, Fresh), (4, Gen.Elements(IdPool)), (1, Gen.Constant(Guid.Empty)));

    private static readonly Gen<Guid> Account = Gen.Frequency((30, Gen.Elements(World.AccountPool)), (1, Gen.Constant(Guid.Empty)));

    private static readonly Gen<Minutes> Amount = Gen.Frequency(
        (12, Gen.Choose(1, 150).Select(m => new Minutes(m))),
        (3, Gen.Choose(150, 600).Select(m => new Minutes(m))),
        (1, Gen.Choose(-30, 0).Select(m => new Minutes(m))),
        (1, Gen.Constant(LedgerLimits.MaxTransferMinutes + new Minutes(1))));

    private static readonly Gen<TransferCode> Code = Gen.Frequency(
        (10, Gen.Constant(TransferCode.Service)), (2, Gen.Constant(TransferCode.Goods)),
        (3, Gen.Constant(TransferCode.Welcome)), (4, Gen.Constant(TransferCode.Mint)),
        (3, Gen.Constant(TransferCode.Donation)), (3, Gen.Constant(TransferCode.PotGrant)), (2, Gen.Constant(TransferCode.OpeningBalance)),
        (1, Gen.Constant(TransferCode.Reversal)), (1, Gen.Constant((TransferCode)99)));

    private static readonly Gen<string> Memo = Gen.Frequency((30, Gen.Elements("", "tutoring", "repairs")), (1, Gen.Constant(new string('m', LedgerLimits.MemoMaxLength + 1))));

    private static readonly Gen<TimeSpan?> Timeout = Gen.Frequency(
        (6, Gen.Constant<TimeSpan?>(null)),
        (4, Gen.Choose(5, 90).Select(m => (TimeSpan?)TimeSpan.FromMinutes(m))),
        (1, Gen.Constant<TimeSpan?>(TimeSpan.Zero)));

    // Gamma trusts nobody: its members are in one payment in ten or so.
    private static readonly Gen<Guid> Member = Gen.Frequency((10, Gen.Elements(World.Members[..5])), (1, Gen.Constant(World.Members[5])));

    private static readonly Gen<Minutes> Small = Gen.Frequency(
        (10, Gen.Choose(1, 60).Select(m => new Minutes(m))), (3, Gen.Choose(60, 400).Select(m => new Minutes(m))));

    private static readonly Gen<Minutes> Large = Gen.Choose(300, 900).Select(m => new Minutes(m));

    private sealed record Move(Guid Debit, Guid Credit, TransferCode Code, Minutes Amount);

    // Moves the rules allow, or nearly: welcome across districts, and payments to unknown or closed
    // accounts, are refused; a client naming the reversal code is refused.
    private static readonly Gen<Move> Plausible = Gen.Frequency(
        (14, from d in Member from c in Member from code in Gen.Elements(TransferCode.Service, TransferCode.Goods) from a in Small select new Move(d, c, code, a)),
        (3, from c in Gen.Elements(World.Members[..3]) from code in Gen.Elements(TransferCode.Welcome, TransferCode.Mint) from a in Small select new Move(WellKnownAccounts.Issuance("alpha"), c, code, a)),
        (2, Large.Select(a => new Move(WellKnownAccounts.Issuance("alpha"), WellKnownAccounts.CommunityPot("alpha"), TransferCode.Mint, a))),
        (1, from c in Gen.Elements(World.Members[3..5]) from a in Small select new Move(WellKnownAccounts.Issuance("alpha"), c, TransferCode.Welcome, a)),
        (3, from d in Member from a in Small select new Move(d, WellKnownAccounts.CommunityPot("alpha"), TransferCode.Donation, a)),
        (3, from c in Gen.Elements(World.Members[..3]) from a in Small select new Move(WellKnownAccounts.CommunityPot("alpha"), c, TransferCode.PotGrant, a)),
        (1, from d in Member from c in Gen.Elements(World.Unknown, World.Closed, Guid.Empty) from a in Small select new Move(d, c, TransferCode.Service, a)),
        (1, from d in Member from c in Member from a in Small select new Move(d, c, TransferCode.Reversal, a)),
        (1, from d in Member from c in Member from a in Small select new Move(d, c, (TransferCode)99, a)),
        (4, from d in Gen.Elements(World.Members[..3]) from c in Gen.Elements(World.Members[3..5]) from a in Small select new Move(d, c, TransferCode.Service, a)));

    private static Gen<TransferCommand> PlausibleCreate(bool linked) =>
        from hold in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from id in hold ? Gen.Frequency((1, Gen.Elements(HoldPool)), (4, Fresh)) : Gen.Frequency((1, Gen.Elements(TransferPool)), (4, Fresh))
        from move in Plausible
        from timeout in hold ? Gen.Choose(5, 90).Select(m => (TimeSpan?)TimeSpan.FromMinutes(m)) : Gen.Constant<TimeSpan?>(null)
        select (TransferCommand)new CreateTransfer(id, move.Debit, move.Credit, move.Amount, move.Code, move.Code == TransferCode.PotGrant ? "이웃 돌봄 / care" : "", TestLedger.Member, timeout, null, linked);

    private static Gen<TransferCommand> Create(bool linked) =>
        from id in Id
        from debit in Account
        from credit in Gen.Frequency((8, Account), (1, Gen.Constant(debit)))
        from amount in Amount
        from code in Code
        from memo in Memo
        from timeout in Timeout
        select (TransferCommand)new CreateTransfer(id, debit, credit, amount, code, memo, TestLedger.Member, timeout, null, linked);

    private static Gen<TransferCommand> Post(bool linked) =>
        from id in ItemId
        from hold in HoldRef
        from amount in Gen.Frequency((2, Gen.Constant<Minutes?>(null)), (2, Amount.Select(a => (Minutes?)a)))
        select (TransferCommand)new PostHold(id, hold, amount, TestLedger.Member, linked);

    private static Gen<TransferCommand> Void(bool linked) =>
        from id in ItemId
        from hold in HoldRef
        select (TransferCommand)new VoidHold(id, hold, TestLedger.Member, linked);

    private static Gen<TransferCommand> Reverse(bool linked) =>
        from id in ItemId
        from target in Gen.Frequency(
            (12, Gen.Choose(0, 5).Select(RecentTransfer)), (2, Gen.Choose(0, 2).Select(RecentHold)),
            (2, Gen.Elements(TransferPool)), (1, Gen.Constant(Guid.Empty)))
        from reason in Gen.Frequency((12, Gen.Constant("entered twice")), (1, Gen.Constant(" ")), (1, Gen.Constant(new string('r', LedgerLimits.ReasonMaxLength + 1))))
        select (TransferCommand)new ReverseTransfer(id, target, reason, TestLedger.Coordinator, linked);

    private static Gen<TransferCommand> Command(bool linked) =>
        Gen.Frequency((16, PlausibleCreate(linked)), (3, Create(linked)), (5, Post(linked)), (2, Void(linked)), (3, Reverse(linked)));

    private static readonly Gen<Op> Single = Command(false).Select(c => (Op)new SubmitOp([c]));

    // A chain of two or three linked items; now and then the batch ends with the chain still open.
    private static readonly Gen<Op> Chain =
        from size in Gen.Choose(2, 3)
        from links in Gen.Frequency((3, PlausibleCreate(true)), (1, Command(true))).ListOf(size - 1)
        from closedChain in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        from last in Command(!closedChain)
        from tail in Gen.Frequency((2, Gen.Constant<TransferCommand?>(null)), (1, Command(false).Select(c => (TransferCommand?)c)))
        select (Op)new SubmitOp([.. links, last, .. tail is null ? Array.Empty<TransferCommand>() : [tail]]);

    private static readonly Gen<string> Reason = Gen.Frequency(
        (12, Gen.Constant("coordinator's review")), (1, Gen.Constant(" ")), (1, Gen.Constant(new string('r', LedgerLimits.ReasonMaxLength + 1))));

    private static readonly Gen<Guid> Adjusted = Gen.Frequency(
        (10, Gen.Elements(World.Members)), (3, Gen.Elements(World.Late)), (1, Gen.Elements(World.AccountPool)), (1, Gen.Constant(Guid.Empty)));

    private static readonly Gen<string> District = Gen.Frequency((6, Gen.Elements("alpha", "beta", "gamma")), (1, Gen.Constant("delta")));

    private static Gen<Minutes> Hours(params long[] minutes) => Gen.Elements(minutes).Select(m => new Minutes(m));

    // Administration as coordinators do it between payments: accounts opened late, limits changed (and
    // refused when the balance would fall outside), freezes, closes, budgets and trust moved under live balances.
    private static readonly Gen<Op> Admin = Gen.Frequency(
        (3, from id in Gen.Frequency((4, Gen.Elements(World.Late)), (1, Gen.Elements(World.Members)), (1, Gen.Constant(Guid.Empty)))
            from district in District
            select (AdminCommand)new OpenAccount(id, district, TestLedger.Coordinator)),
        (3, from id in Adjusted
            from floor in Hours(-600, -120, -30, 0, 30)
            from cap in Hours(0, 60, 300, 900, -30)
            from reason in Reason
            select (AdminCommand)new ChangeAccountLimits(id, floor, cap, reason, TestLedger.Coordinator)),
        (3, from id in Gen.Frequency((8, Adjusted), (1, Gen.Constant(WellKnownAccounts.Issuance("alpha")))) from freeze in Gen.Elements(true, false) from reason in Reason
            select freeze ? (AdminCommand)new FreezeAccount(id, reason, TestLedger.Coordinator) : new UnfreezeAccount(id, reason, TestLedger.Coordinator)),
        (1, from id in Adjusted from reason in Reason select (AdminCommand)new CloseAccount(id, reason, TestLedger.Coordinator)),
        (2, from district in District from budget in Hours(0, 300, 1_800, 3_600, -60) from reason in Reason
            select (AdminCommand)new SetMintBudget(district, budget, reason, TestLedger.Coordinator)),
        (2, from pair in Gen.Elements(("alpha", "beta"), ("alpha", "gamma"), ("beta", "gamma"), ("alpha", "alpha"), ("alpha", "delta"))
            from limit in Hours(0, 60, 180, 600, -60)
            from reason in Reason
            select (AdminCommand)new SetTrustLimit(pair.Item1, pair.Item2, limit, reason, TestLedger.Coordinator)))
        .Select(command => (Op)new AdminOp(command));

    private static readonly Gen<Op> Advance = Gen.Choose(1, 40).Select(m => (Op)new AdvanceOp(TimeSpan.FromMinutes(m)));

    // Two reversals of one transfer in one batch: the second must find it already reversed.
    private static readonly Gen<Op> ReverseTwice =
        from first in Fresh
        from second in Fresh
        from k in Gen.Choose(0, 3)
        select (Op)new SubmitOp([
            new ReverseTransfer(first, RecentTransfer(k), "entered twice", TestLedger.Coordinator),
            new ReverseTransfer(second, RecentTransfer(k), "entered twice", TestLedger.Coordinator)]);

    private static readonly Gen<Op> Repeat = Gen.Choose(0, 1000).Select(i => (Op)new RepeatOp(i));

    public static readonly Gen<Op> Step = Gen.Frequency((24, Single), (4, Chain), (3, Admin), (2, Advance), (4, Repeat), (1, ReverseTwice));

    /// <summary>A reproducible scenario of <paramref name="length"/> steps from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<Op> Sample(ulong seed, int length) =>
        Step.ListOf(length).Sample(20, new Rnd(seed), 1)[0].ToList();

    /// <summary>Scenarios of <paramref name="length"/> steps, which shrink by dropping steps (<see cref="Shrink"/>).</summary>
    public static Arbitrary<IReadOnlyList<Op>> Of(int length) =>
        Arb.From(Step.ListOf(length).Select(ops => (IReadOnlyList<Op>)ops.ToList()), Shrink);

    /// <summary>
    /// Shorter scenarios to try when one fails: without its second half, its first half, then each quarter,
    /// eighth and so on, down to each single step. FsCheck keeps the first that still fails and shrinks it
    /// again, so a failure of 300 steps usually ends as a handful.
    /// </summary>
    public static IEnumerable<IReadOnlyList<Op>> Shrink(IReadOnlyList<Op> ops)
    {
        for (var size = ops.Count / 2; size >= 1; size /= 2)
        {
            for (var start = 0; start + size <= ops.Count; start += size)
            {
                yield return [.. ops.Take(start), .. ops.Skip(start + size)];
            }
        }
    }
}
