using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.ReversingTransfer;
using EPoomasi.Ledger.Transfers.VoidingHold;

namespace EPoomasi.Ledger.Tests.Model;

/// <summary>
/// A deliberately plain, in-memory re-statement of the ledger's rules, written without the production
/// code's deciders: the oracle the model-based test compares the real ledger against.
/// </summary>
public sealed partial class ReferenceLedger
{
    public sealed class ModelAccount
    {
        public required Guid Id { get; init; }
        public required string District { get; init; }
        public required AccountKind Kind { get; init; }
        public required long Floor { get; set; }
        public required long Cap { get; set; }
        public AccountStatus Status { get; set; } = AccountStatus.Open;
        public long Balance { get; set; }
        public long PendingDebits { get; set; }
        public long PendingCredits { get; set; }
        public List<ModelEntry> Entries { get; init; } = [];
    }

    /// <summary>One line the account's statement must show, in order.</summary>
    public sealed record ModelEntry(Guid TransferId, EntrySide Side, long Amount, long BalanceAfter, Guid Counterparty, TransferCode Code);

    /// <summary>What the model knows of one decided id, for comparing lookups.</summary>
    public sealed class ModelRecord
    {
        public required TransferCommand Command { get; set; }
        public required TransferResult Result { get; set; }
        public TransferKind Kind { get; set; }
        public long Amount { get; set; }
        public Guid Debit { get; set; }
        public Guid Credit { get; set; }
        public List<(Guid Debit, Guid Credit)> Legs { get; set; } = [];
        public HoldState? HoldState { get; set; }
        public DateTimeOffset ExpiresAt { get; set; }
        public bool Reversed { get; set; }
        public TransferCode Code { get; set; }
    }

    private readonly Dictionary<Guid, ModelAccount> _accounts = [];
    private readonly Dictionary<Guid, ModelRecord> _records = [];

    public IReadOnlyDictionary<Guid, ModelAccount> Accounts => _accounts;

    /// <summary>Every id decided and remembered: its outcome, and where a hold stands.</summary>
    public IReadOnlyDictionary<Guid, ModelRecord> Records => _records;

    public void AddAccount(Guid id, string district, AccountKind kind, long floor, long cap, AccountStatus status = AccountStatus.Open, long balance = 0) =>
        _accounts[id] = new ModelAccount { Id = id, District = district, Kind = kind, Floor = floor, Cap = cap, Status = status, Balance = balance };

    public void SetStatus(Guid account, AccountStatus status) => _accounts[account].Status = status;

    /// <summary>Results of one batch, applying what stands.</summary>
    public List<TransferResult> Submit(IReadOnlyList<TransferCommand> batch, DateTimeOffset now)
    {
        var results = new TransferResult[batch.Count];
        var start = 0;
        while (start < batch.Count)
        {
            var end = start;
            while (end < batch.Count - 1 && batch[end].Linked) end++;
            // Ids decided before the chain answer their outcome wherever they stand; a failure among them fails the
            // chain. An item of such an id whose own shape is wrong is not a repeat: it is decided in its turn.
            var before = new HashSet<int>();
            for (var i = start; i <= end; i++)
            {
                if (batch[i].Id == Guid.Empty || !_records.ContainsKey(batch[i].Id)) continue;
                var answer = Apply(batch[i], now).Result;
                if (IsShape(answer)) continue;
                results[i] = answer;
                before.Add(i);
            }

            if (batch[end].Linked || before.Any(i => results[i] != TransferResult.Ok))
            {
                for (var i = start; i <= end; i++)
                {
                    if (!before.Contains(i)) results[i] = i == end && batch[end].Linked ? TransferResult.LinkedEventChainOpen : TransferResult.LinkedEventFailed;
                }

                start = end + 1;
                continue;
            }

            var savedAccounts = _accounts.ToDictionary(p => p.Key, p => Copy(p.Value));
            var savedRecords = _records.ToDictionary(p => p.Key, p => Copy(p.Value));
            for (var i = start; i <= end; i++)
            {
                if (before.Contains(i)) continue;
                var (result, failure) = Apply(batch[i], now);
                results[i] = result;
                if (result != TransferResult.Ok)
                {
                    Restore(savedAccounts, savedRecords);
                    if (failure is not null) _records[failure.Command.Id] = failure;
                    for (var j = start; j <= end; j++) if (j != i && !before.Contains(j)) results[j] = TransferResult.LinkedEventFailed;
                    break;
                }
            }

            start = end + 1;
        }

        return [.. results];
    }

    /// <summary>Expires every pending hold due at <paramref name="now"/>; returns how many.</summary>
    public int ExpireDue(DateTimeOffset now)
    {
        var due = _records.Values.Where(r => r.Kind == TransferKind.Hold && r.Result == TransferResult.Ok && r.HoldState == HoldState.Pending && r.ExpiresAt <= now).ToList();
        foreach (var hold in due)
        {
            Release(hold);
            hold.HoldState = HoldState.Expired;
        }

        return due.Count;
    }

    private (TransferResult Result, ModelRecord? Failure) Apply(TransferCommand command, DateTimeOffset now) => command switch
    {
        CreateTransfer c => Create(c, now),
        PostHold p => Post(p, now),
        VoidHold v => Void(v, now),
        ReverseTransfer r => Reverse(r),
        _ => throw new ArgumentException(command.GetType().Name),
    };

    private (TransferResult, ModelRecord?) Create(CreateTransfer c, DateTimeOffset now)
    {
        TransferResult? shape =
            c.Id == Guid.Empty ? TransferResult.IdMustNotBeEmpty
            : c.DebitAccountId == Guid.Empty ? TransferResult.DebitAccountIdMustNotBeEmpty
            : c.CreditAccountId == Guid.Empty ? TransferResult.CreditAccountIdMustNotBeEmpty
            : c.AmountMinutes.Value <= 0 ? TransferResult.AmountMustBePositive
            : c.AmountMinutes > LedgerLimits.MaxTransferMinutes ? TransferResult.AmountExceedsMaximum
            : c.DebitAccountId == c.CreditAccountId ? TransferResult.AccountsMustBeDifferent
            : !Enum.IsDefined(c.Code) ? TransferResult.CodeUnknown
            : c.Code == TransferCode.Reversal ? TransferResult.CodeReservedForReversals
            : c.Memo.Length > 512 ? TransferResult.MemoTooLong
            : c.Code == TransferCode.PotGrant && string.IsNullOrWhiteSpace(c.Memo) ? TransferResult.ReasonRequired
            : c.HoldTimeout is { } t && (t < TimeSpan.FromSeconds(1) || t > TimeSpan.FromDays(180)) ? TransferResult.HoldTimeoutOutOfRange
            : null;
        if (shape is { } s) return (s, null);
        if (_records.TryGetValue(c.Id, out var seen))
        {
            var same = seen.Command is CreateTransfer old && old with { Linked = false, By = c.By } == c with { Linked = false };
            return Repeat(seen, same);
        }

        var record = new ModelRecord { Command = c, Result = TransferResult.Ok, Kind = c.IsHold ? TransferKind.Hold : TransferKind.Transfer, Amount = c.AmountMinutes.Value, Debit = c.DebitAccountId, Credit = c.CreditAccountId, Code = c.Code };
        var result = CheckCreate(c, record);
        if (result != TransferResult.Ok) return Fail(record, result);

        if (c.IsHold)
        {
            Reserve(record.Legs, record.Amount);
            record.HoldState = HoldState.Pending;
            record.ExpiresAt = now + c.HoldTimeout!.Value;
        }
        else
        {
            Move(record.Legs, record.Amount, c.Id, c.Code);
        }

        _records[c.Id] = record;
        return (TransferResult.Ok, null);
    }

    private TransferResult CheckCreate(CreateTransfer c, ModelRecord record)
    {
        if (!_accounts.TryGetValue(c.DebitAccountId, out var debit)) return TransferResult.DebitAccountNotFound;
        if (!_accounts.TryGetValue(c.CreditAccountId, out var credit)) return TransferResult.CreditAccountNotFound;
        var cross = debit.District != credit.District;
        if (cross)
        {
            var outbound = _accounts.Values.FirstOrDefault(a => a.Kind == AccountKind.Clearing && a.District == debit.District && CounterpartOf(a) == credit.District);
            var inbound = _accounts.Values.FirstOrDefault(a => a.Kind == AccountKind.Clearing && a.District == credit.District && CounterpartOf(a) == debit.District);
            if (outbound is null || inbound is null) return TransferResult.DistrictsNotLinked;
            record.Legs = [(debit.Id, outbound.Id), (inbound.Id, credit.Id)];
        }
        else
        {
            record.Legs = [(debit.Id, credit.Id)];
        }

        var status = StatusCheck(debit, credit);
        if (status != TransferResult.Ok) return status;
        var allowed = (c.Code, debit.Kind, credit.Kind) switch
        {
            (TransferCode.Service or TransferCode.Goods, AccountKind.Member, AccountKind.Member) => true,
            (TransferCode.Welcome, AccountKind.Issuance, AccountKind.Member) => true,
            (TransferCode.Mint, AccountKind.Issuance, AccountKind.Member or AccountKind.CommunityPot) => true,
            (TransferCode.Donation, AccountKind.Member, AccountKind.CommunityPot) => true,
            (TransferCode.PotGrant, AccountKind.CommunityPot, AccountKind.Member) => true,
            (TransferCode.OpeningBalance, AccountKind.Issuance, AccountKind.Member) or (TransferCode.OpeningBalance, AccountKind.Member, AccountKind.Issuance) => true,
            _ => false,
        };
        if (!allowed) return TransferResult.CodeNotAllowedForAccounts;
        if (cross && c.Code is not (TransferCode.Service or TransferCode.Goods or TransferCode.Donation)) return TransferResult.CrossDistrictNotAllowedForCode;
        return c.IsHold ? LimitCheck(record.Legs, 0, record.Amount) : LimitCheck(record.Legs, record.Amount, 0);
    }

    private (TransferResult, ModelRecord?) Post(PostHold p, DateTimeOffset now)
    {
        if (p.Id == Guid.Empty) return (TransferResult.IdMustNotBeEmpty, null);
        if (p.HoldId == Guid.Empty) return (TransferResult.HoldIdMustNotBeEmpty, null);
        if (p.AmountMinutes is { } a && a.Value <= 0) return (TransferResult.AmountMustBePositive, null);
        if (p.AmountMinutes > LedgerLimits.MaxTransferMinutes) return (TransferResult.AmountExceedsMaximum, null);
        if (_records.TryGetValue(p.Id, out var seen))
        {
            var same = seen.Kind == TransferKind.HoldPost && seen.Command is PostHold old && old.HoldId == p.HoldId && old.AmountMinutes == p.AmountMinutes;
            return Repeat(seen, same);
        }

        var hold = FindHold(p.HoldId);
        var record = new ModelRecord { Command = p, Result = TransferResult.Ok, Kind = TransferKind.HoldPost, Amount = p.AmountMinutes?.Value ?? hold?.Amount ?? 0 };
        if (hold is null) return Fail(record, TransferResult.HoldNotFound);
        var status = StatusCheck(_accounts[hold.Debit], _accounts[hold.Credit]);
        if (status != TransferResult.Ok) return Fail(record, status);
        var state = HoldStateCheck(hold, now);
        if (state != TransferResult.Ok) return Fail(record, state);
        if (record.Amount > hold.Amount) return Fail(record, TransferResult.PostExceedsHeldAmount);
        var limits = LimitCheck(hold.Legs, record.Amount, -hold.Amount);
        if (limits != TransferResult.Ok) return Fail(record, limits);

        Release(hold);
        Move(hold.Legs, record.Amount, p.Id, hold.Code);
        hold.HoldState = HoldState.Posted;
        record.Legs = hold.Legs;
        record.Debit = hold.Debit;
        record.Credit = hold.Credit;
        record.Code = hold.Code;
        _records[p.Id] = record;
        return (TransferResult.Ok, null);
    }

    private (TransferResult, ModelRecord?) Void(VoidHold v, DateTimeOffset now)
    {
        if (v.Id == Guid.Empty) return (TransferResult.IdMustNotBeEmpty, null);
        if (v.HoldId == Guid.Empty) return (TransferResult.HoldIdMustNotBeEmpty, null);
        if (_records.TryGetValue(v.Id, out var seen))
        {
            return Repeat(seen, seen.Kind == TransferKind.HoldVoid && ((VoidHold)seen.Command).HoldId == v.HoldId);
        }

        var hold = FindHold(v.HoldId);
        var record = new ModelRecord { Command = v, Result = TransferResult.Ok, Kind = TransferKind.HoldVoid, Debit = hold?.Debit ?? Guid.Empty, Credit = hold?.Credit ?? Guid.Empty };
        if (hold is null) return Fail(record, TransferResult.HoldNotFound);
        var state = HoldStateCheck(hold, now);
        if (state != TransferResult.Ok) return Fail(record, state);

        Release(hold);
        hold.HoldState = HoldState.Voided;
        _records[v.Id] = record;
        return (TransferResult.Ok, null);
    }

    private (TransferResult, ModelRecord?) Reverse(ReverseTransfer r)
    {
        if (r.Id == Guid.Empty) return (TransferResult.IdMustNotBeEmpty, null);
        if (r.TransferId == Guid.Empty) return (TransferResult.ReversedTransferIdMustNotBeEmpty, null);
        if (string.IsNullOrWhiteSpace(r.Reason)) return (TransferResult.ReasonRequired, null);
        if (r.Reason.Length > 512) return (TransferResult.ReasonTooLong, null);
        if (_records.TryGetValue(r.Id, out var seen))
        {
            var same = seen.Kind == TransferKind.Reversal && seen.Command is ReverseTransfer old && old.TransferId == r.TransferId && old.Reason == r.Reason;
            return Repeat(seen, same);
        }

        var record = new ModelRecord { Command = r, Result = TransferResult.Ok, Kind = TransferKind.Reversal, Code = TransferCode.Reversal };
        if (!_records.TryGetValue(r.TransferId, out var original) || original.Result != TransferResult.Ok) return Fail(record, TransferResult.TransferNotFound);
        var status = StatusCheck(_accounts[original.Credit], _accounts[original.Debit]);
        if (status != TransferResult.Ok) return Fail(record, status);
        if (original.Kind is not (TransferKind.Transfer or TransferKind.HoldPost)) return Fail(record, TransferResult.TransferNotReversible);
        if (original.Reversed) return Fail(record, TransferResult.TransferAlreadyReversed);
        var legs = original.Legs.AsEnumerable().Reverse().Select(l => (l.Credit, l.Debit)).ToList();
        var limits = LimitCheck(legs, original.Amount, 0);
        if (limits != TransferResult.Ok) return Fail(record, limits);

        Move(legs, original.Amount, r.Id, TransferCode.Reversal);
        original.Reversed = true;
        record.Legs = legs;
        record.Debit = original.Credit;
        record.Credit = original.Debit;
        record.Amount = original.Amount;
        _records[r.Id] = record;
        return (TransferResult.Ok, null);
    }

    private static bool IsShape(TransferResult result) => (int)result is >= 10 and < 30;

    private static (TransferResult, ModelRecord?) Repeat(ModelRecord seen, bool same) =>
        same ? (seen.Result, null)
        : (seen.Result == TransferResult.Ok ? TransferResult.ExistsWithDifferentFields : TransferResult.IdAlreadyFailed, null);

    private (TransferResult, ModelRecord?) Fail(ModelRecord record, TransferResult result)
    {
        record.Result = result;
        record.Legs = [];
        if (result >= TransferResult.DebitAccountNotFound)
        {
            _records[record.Command.Id] = record;
            return (result, record);
        }

        return (result, null);
    }

    private ModelRecord? FindHold(Guid id) =>
        _records.TryGetValue(id, out var r) && r.Kind == TransferKind.Hold && r.Result == TransferResult.Ok ? r : null;

    private static TransferResult HoldStateCheck(ModelRecord hold, DateTimeOffset now) => hold.HoldState switch
    {
        HoldState.Posted => TransferResult.HoldAlreadyPosted,
        HoldState.Voided => TransferResult.HoldAlreadyVoided,
        HoldState.Expired => TransferResult.HoldExpired,
        _ when now >= hold.ExpiresAt => TransferResult.HoldExpired,
        _ => TransferResult.Ok,
    };

    private static TransferResult StatusCheck(ModelAccount debit, ModelAccount credit) =>
        debit.Status == AccountStatus.Frozen ? TransferResult.DebitAccountFrozen
        : debit.Status == AccountStatus.Closed ? TransferResult.DebitAccountClosed
        : credit.Status == AccountStatus.Frozen ? TransferResult.CreditAccountFrozen
        : credit.Status == AccountStatus.Closed ? TransferResult.CreditAccountClosed
        : TransferResult.Ok;

    private TransferResult LimitCheck(List<(Guid Debit, Guid Credit)> legs, long posted, long pendingChange)
    {
        var broken = new List<TransferResult>();
        foreach (var (debitId, creditId) in legs)
        {
            var debit = _accounts[debitId];
            if (debit.Balance - posted - (debit.PendingDebits + pendingChange) < debit.Floor)
            {
                broken.Add(debit.Kind switch
                {
                    AccountKind.CommunityPot => TransferResult.PotInsufficient,
                    AccountKind.Issuance => TransferResult.MintBudgetExceeded,
                    AccountKind.Clearing => TransferResult.TrustLimitExceeded,
                    _ => TransferResult.DebitBelowFloor,
                });
            }

            var credit = _accounts[creditId];
            if (credit.Balance + posted + credit.PendingCredits + pendingChange > credit.Cap)
            {
                broken.Add(credit.Kind == AccountKind.Clearing ? TransferResult.TrustLimitExceeded : TransferResult.CreditAboveCap);
            }
        }

        return broken.Count == 0 ? TransferResult.Ok : broken.Min();
    }

    private void Move(IEnumerable<(Guid Debit, Guid Credit)> legs, long amount, Guid transferId, TransferCode code)
    {
        foreach (var (debitId, creditId) in legs)
        {
            var (debit, credit) = (_accounts[debitId], _accounts[creditId]);
            debit.Balance -= amount;
            credit.Balance += amount;
            debit.Entries.Add(new ModelEntry(transferId, EntrySide.Debit, amount, debit.Balance, creditId, code));
            credit.Entries.Add(new ModelEntry(transferId, EntrySide.Credit, amount, credit.Balance, debitId, code));
        }
    }

    private void Reserve(IEnumerable<(Guid Debit, Guid Credit)> legs, long amount)
    {
        foreach (var (debit, credit) in legs)
        {
            _accounts[debit].PendingDebits += amount;
            _accounts[credit].PendingCredits += amount;
        }
    }

    private void Release(ModelRecord hold)
    {
        foreach (var (debit, credit) in hold.Legs)
        {
            _accounts[debit].PendingDebits -= hold.Amount;
            _accounts[credit].PendingCredits -= hold.Amount;
        }
    }

    private readonly Dictionary<Guid, string> _counterparts = [];

    public void AddClearing(Guid id, string district, string counterpart, long trust)
    {
        AddAccount(id, district, AccountKind.Clearing, -trust, trust);
        _counterparts[id] = counterpart;
    }

    private string CounterpartOf(ModelAccount clearing) => _counterparts[clearing.Id];

    private static ModelAccount Copy(ModelAccount a) => new()
    {
        Id = a.Id, District = a.District, Kind = a.Kind, Floor = a.Floor, Cap = a.Cap, Status = a.Status,
        Balance = a.Balance, PendingDebits = a.PendingDebits, PendingCredits = a.PendingCredits, Entries = [.. a.Entries],
    };

    private static ModelRecord Copy(ModelRecord r) => new()
    {
        Command = r.Command, Result = r.Result, Kind = r.Kind, Amount = r.Amount, Debit = r.Debit, Credit = r.Credit,
        Legs = r.Legs, HoldState = r.HoldState, ExpiresAt = r.ExpiresAt, Reversed = r.Reversed, Code = r.Code,
    };

    private void Restore(Dictionary<Guid, ModelAccount> accounts, Dictionary<Guid, ModelRecord> records)
    {
        _accounts.Clear();
        foreach (var (k, v) in accounts) _accounts[k] = v;
        _records.Clear();
        foreach (var (k, v) in records) _records[k] = v;
    }
}
