using EPoomasi.Ledger.Accounts.ChangingLimits;
using EPoomasi.Ledger.Accounts.ClosingAccount;
using EPoomasi.Ledger.Accounts.FreezingAccount;
using EPoomasi.Ledger.Accounts.OpeningAccount;
using EPoomasi.Ledger.Administration;

namespace EPoomasi.Ledger.Accounts;

/// <summary><c>Decide(command, state) → events</c> for account commands, with explicit arms for repeats. Pure.</summary>
public static class AccountDecider
{
    public static AdminDecision Decide(AdminCommand command, IAdminView view, DateTimeOffset now)
    {
        if (command is OpenAccount open)
        {
            return Open(open, view, now);
        }

        var (accountId, reason) = command switch
        {
            ChangeAccountLimits c => (c.AccountId, c.Reason),
            FreezeAccount c => (c.AccountId, c.Reason),
            UnfreezeAccount c => (c.AccountId, c.Reason),
            CloseAccount c => (c.AccountId, c.Reason),
            _ => throw new ArgumentException($"Not an account command: {command.GetType().Name}.", nameof(command)),
        };
        if (accountId == Guid.Empty) return AdminDecision.Rejected(AdminResult.IdMustNotBeEmpty);
        if (command is ChangeAccountLimits limits && !AdminRules.AreLimits(limits.Floor, limits.Cap)) return AdminDecision.Rejected(AdminResult.LimitsInvalid);
        var reasonCheck = AdminRules.CheckReason(reason);
        if (reasonCheck != AdminResult.Ok) return AdminDecision.Rejected(reasonCheck);
        if (view.FindAccount(accountId) is not { } account) return AdminDecision.Rejected(AdminResult.AccountNotFound);
        if (account.Status == AccountStatus.Closed) return AdminDecision.Rejected(AdminResult.AccountClosed);

        return (command, account) switch
        {
            (_, { Kind: AccountKind.Clearing }) => AdminDecision.Rejected(AdminResult.AccountKindNotAdjustable),
            (ChangeAccountLimits, { Kind: not AccountKind.Member }) => AdminDecision.Rejected(AdminResult.AccountKindNotAdjustable),
            (ChangeAccountLimits c, _) when c.Floor == account.Floor && c.Cap == account.Cap => AdminDecision.Unchanged,
            (ChangeAccountLimits c, _) when !(account with { Floor = c.Floor, Cap = c.Cap }).IsWithinLimits =>
                AdminDecision.Rejected(AdminResult.LimitsExcludeCurrentBalance),
            (ChangeAccountLimits c, _) => AdminDecision.Of(new AccountLimitsChanged(accountId, c.Floor, c.Cap, c.Reason, c.By, now)),
            (FreezeAccount, { Status: AccountStatus.Frozen }) => AdminDecision.Unchanged,
            (FreezeAccount c, _) => AdminDecision.Of(new AccountFrozen(accountId, c.Reason, c.By, now)),
            (UnfreezeAccount, { Status: AccountStatus.Open }) => AdminDecision.Unchanged,
            (UnfreezeAccount c, _) => AdminDecision.Of(new AccountUnfrozen(accountId, c.Reason, c.By, now)),
            (CloseAccount, { Kind: not AccountKind.Member }) => AdminDecision.Rejected(AdminResult.AccountKindNotAdjustable),
            (CloseAccount, _) when account.Balance != Minutes.Zero => AdminDecision.Rejected(AdminResult.BalanceNotZero),
            (CloseAccount, _) when account.DebitsPending != Minutes.Zero || account.CreditsPending != Minutes.Zero =>
                AdminDecision.Rejected(AdminResult.HoldsPending),
            (CloseAccount c, _) => AdminDecision.Of(new AccountClosed(accountId, c.Reason, c.By, now)),
            _ => throw new ArgumentException($"Not an account command: {command.GetType().Name}.", nameof(command)),
        };
    }

    private static AdminDecision Open(OpenAccount command, IAdminView view, DateTimeOffset now)
    {
        if (command.AccountId == Guid.Empty) return AdminDecision.Rejected(AdminResult.IdMustNotBeEmpty);
        if (!AdminRules.IsDistrictId(command.DistrictId)) return AdminDecision.Rejected(AdminResult.DistrictIdInvalid);
        if (view.FindAccount(command.AccountId) is { } existing)
        {
            return existing.DistrictId == command.DistrictId && existing.Kind == AccountKind.Member
                ? AdminDecision.Unchanged
                : AdminDecision.Rejected(AdminResult.ExistsWithDifferentFields);
        }

        if (view.FindDistrict(command.DistrictId) is not { } district) return AdminDecision.Rejected(AdminResult.DistrictNotFound);

        return AdminDecision.Of(new AccountOpened(command.AccountId, command.DistrictId, AccountKind.Member, null,
            district.MemberFloor, district.MemberCap, command.By, now));
    }
}
