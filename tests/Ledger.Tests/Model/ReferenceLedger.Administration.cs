using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Accounts.ChangingLimits;
using EPoomasi.Ledger.Accounts.ClosingAccount;
using EPoomasi.Ledger.Accounts.FreezingAccount;
using EPoomasi.Ledger.Accounts.OpeningAccount;
using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Districts.SettingMintBudget;
using EPoomasi.Ledger.Districts.SettingTrustLimit;

namespace EPoomasi.Ledger.Tests.Model;

// The administrative commands, restated plainly: open, change limits, freeze, close, mint budgets, trust.
public sealed partial class ReferenceLedger
{
    private static readonly long MaxLimit = LedgerLimits.MaxLimitMinutes.Value;

    private readonly Dictionary<string, (long Floor, long Cap, long Budget)> _districts = [];
    private readonly Dictionary<(string, string), long> _trust = [];

    public void AddDistrict(string id, long floor, long cap, long budget) => _districts[id] = (floor, cap, budget);

    /// <summary>The result of an administrative command, applying it when it stands.</summary>
    public AdminResult Execute(AdminCommand command) => command switch
    {
        OpenAccount c => Open(c.AccountId, c.DistrictId),
        ChangeAccountLimits c => ChangeLimits(c.AccountId, c.Floor.Value, c.Cap.Value, c.Reason),
        FreezeAccount c => SetFrozen(c.AccountId, true, c.Reason),
        UnfreezeAccount c => SetFrozen(c.AccountId, false, c.Reason),
        CloseAccount c => Close(c.AccountId, c.Reason),
        SetMintBudget c => SetBudget(c.DistrictId, c.MintBudget.Value, c.Reason),
        SetTrustLimit c => SetTrust(c.DistrictId, c.CounterpartDistrictId, c.Limit.Value, c.Reason),
        _ => throw new ArgumentException(command.GetType().Name, nameof(command)),
    };

    public AdminResult Open(Guid id, string district)
    {
        if (id == Guid.Empty) return AdminResult.IdMustNotBeEmpty;
        if (_accounts.TryGetValue(id, out var existing))
        {
            return existing.District == district && existing.Kind == AccountKind.Member ? AdminResult.Ok : AdminResult.ExistsWithDifferentFields;
        }

        if (!_districts.TryGetValue(district, out var defaults)) return AdminResult.DistrictNotFound;
        AddAccount(id, district, AccountKind.Member, defaults.Floor, defaults.Cap);
        return AdminResult.Ok;
    }

    public AdminResult ChangeLimits(Guid id, long floor, long cap, string reason)
    {
        if (id == Guid.Empty) return AdminResult.IdMustNotBeEmpty;
        if (floor > 0 || cap < 0 || floor < -MaxLimit || cap > MaxLimit) return AdminResult.LimitsInvalid;
        if (Reason(reason) is { } refused) return refused;
        if (Adjustable(id, members: true) is { } not) return not;
        var account = _accounts[id];
        if (account.Floor == floor && account.Cap == cap) return AdminResult.Ok;
        if (account.Balance - account.PendingDebits < floor || account.Balance + account.PendingCredits > cap) return AdminResult.LimitsExcludeCurrentBalance;
        (account.Floor, account.Cap) = (floor, cap);
        return AdminResult.Ok;
    }

    public AdminResult SetFrozen(Guid id, bool frozen, string reason)
    {
        if (id == Guid.Empty) return AdminResult.IdMustNotBeEmpty;
        if (Reason(reason) is { } refused) return refused;
        if (Adjustable(id, members: false) is { } not) return not;
        _accounts[id].Status = frozen ? AccountStatus.Frozen : AccountStatus.Open;
        return AdminResult.Ok;
    }

    public AdminResult Close(Guid id, string reason)
    {
        if (id == Guid.Empty) return AdminResult.IdMustNotBeEmpty;
        if (Reason(reason) is { } refused) return refused;
        if (Adjustable(id, members: true) is { } not) return not;
        var account = _accounts[id];
        if (account.Balance != 0) return AdminResult.BalanceNotZero;
        if (account.PendingDebits != 0 || account.PendingCredits != 0) return AdminResult.HoldsPending;
        account.Status = AccountStatus.Closed;
        return AdminResult.Ok;
    }

    public AdminResult SetBudget(string district, long budget, string reason)
    {
        if (budget < 0 || budget > MaxLimit) return AdminResult.AmountInvalid;
        if (Reason(reason) is { } refused) return refused;
        if (!_districts.TryGetValue(district, out var settings)) return AdminResult.DistrictNotFound;
        if (settings.Budget == budget) return AdminResult.Ok;
        var issuance = _accounts[WellKnownAccounts.Issuance(district)];
        if (issuance.Balance - issuance.PendingDebits < -budget) return AdminResult.BudgetBelowIssued;
        _districts[district] = settings with { Budget = budget };
        issuance.Floor = -budget;
        return AdminResult.Ok;
    }

    public AdminResult SetTrust(string district, string counterpart, long limit, string reason)
    {
        if (district == counterpart) return AdminResult.SameDistrict;
        if (limit < 0 || limit > MaxLimit) return AdminResult.AmountInvalid;
        if (Reason(reason) is { } refused) return refused;
        if (!_districts.ContainsKey(district) || !_districts.ContainsKey(counterpart)) return AdminResult.DistrictNotFound;
        if (_trust.TryGetValue((district, counterpart), out var current) && current == limit) return AdminResult.Ok;
        var pair = new[] { (district, counterpart), (counterpart, district) };
        foreach (var (home, away) in pair)
        {
            if (_accounts.TryGetValue(WellKnownAccounts.Clearing(home, away), out var clearing)
                && (clearing.Balance - clearing.PendingDebits < -limit || clearing.Balance + clearing.PendingCredits > limit))
            {
                return AdminResult.TrustLimitBelowPosition;
            }
        }

        foreach (var (home, away) in pair)
        {
            _trust[(home, away)] = limit;
            var id = WellKnownAccounts.Clearing(home, away);
            if (_accounts.TryGetValue(id, out var clearing)) (clearing.Floor, clearing.Cap) = (-limit, limit);
            else AddClearing(id, home, away, limit);
        }

        return AdminResult.Ok;
    }

    private static AdminResult? Reason(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? AdminResult.ReasonRequired : reason.Length > LedgerLimits.ReasonMaxLength ? AdminResult.ReasonTooLong : null;

    // Freezing applies to a district's own issuance and pot too; limits and closing to members alone.
    private AdminResult? Adjustable(Guid id, bool members)
    {
        if (!_accounts.TryGetValue(id, out var account)) return AdminResult.AccountNotFound;
        if (account.Status == AccountStatus.Closed) return AdminResult.AccountClosed;
        if (account.Kind == AccountKind.Clearing || (members && account.Kind != AccountKind.Member)) return AdminResult.AccountKindNotAdjustable;
        return null;
    }
}
