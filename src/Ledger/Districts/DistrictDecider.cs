using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Administration;
using EPoomasi.Ledger.Districts.AppointingCoordinators;
using EPoomasi.Ledger.Districts.ChangingDefaults;
using EPoomasi.Ledger.Districts.CreatingDistrict;
using EPoomasi.Ledger.Districts.OpeningBudgetPeriod;
using EPoomasi.Ledger.Districts.SettingMintBudget;
using EPoomasi.Ledger.Districts.SettingTrustLimit;

namespace EPoomasi.Ledger.Districts;

/// <summary><c>Decide(command, state) → events</c> for district commands. Pure.</summary>
public static class DistrictDecider
{
    public static AdminDecision Decide(AdminCommand command, IAdminView view, DateTimeOffset now) => command switch
    {
        CreateDistrict create => Create(create, view.FindDistrict(create.DistrictId), now),
        ChangeDistrictDefaults change => ChangeDefaults(change, view, now),
        SetMintBudget set => SetBudget(set, view, now),
        OpenMintBudgetPeriod open => OpenPeriod(open, view, now),
        SetTrustLimit set => SetTrust(set, view, now),
        AppointCoordinator appoint => Appoint(appoint.DistrictId, appoint.Subject, appoint.Reason, view, (d, s) => !d.IsCoordinator(s),
            () => new CoordinatorAppointed(appoint.DistrictId, appoint.Subject, appoint.Reason, appoint.By, now)),
        RemoveCoordinator remove => Appoint(remove.DistrictId, remove.Subject, remove.Reason, view, (d, s) => d.IsCoordinator(s),
            () => new CoordinatorRemoved(remove.DistrictId, remove.Subject, remove.Reason, remove.By, now)),
        _ => throw new ArgumentException($"Not a district command: {command.GetType().Name}.", nameof(command)),
    };

    private static AdminDecision Create(CreateDistrict command, District? existing, DateTimeOffset now)
    {
        if (!AdminRules.IsDistrictId(command.DistrictId)) return AdminDecision.Rejected(AdminResult.DistrictIdInvalid);
        if (string.IsNullOrWhiteSpace(command.Name)) return AdminDecision.Rejected(AdminResult.NameRequired);
        if (command.Name.Length > LedgerLimits.DistrictNameMaxLength || command.NameRomanized?.Length > LedgerLimits.DistrictNameMaxLength)
        {
            return AdminDecision.Rejected(AdminResult.NameTooLong);
        }

        if (!AdminRules.AreLimits(command.MemberFloor, command.MemberCap)) return AdminDecision.Rejected(AdminResult.LimitsInvalid);
        if (!AdminRules.IsBound(command.MintBudget) || !IsGrant(command.WelcomeGrant)) return AdminDecision.Rejected(AdminResult.AmountInvalid);
        if (existing is not null)
        {
            var same = existing.Name == command.Name && existing.NameRomanized == NullIfBlank(command.NameRomanized) && existing.MemberFloor == command.MemberFloor
                && existing.MemberCap == command.MemberCap && existing.MintBudget == command.MintBudget && existing.WelcomeGrant == NoneIfZero(command.WelcomeGrant);
            return same ? AdminDecision.Unchanged : AdminDecision.Rejected(AdminResult.ExistsWithDifferentFields);
        }

        var id = command.DistrictId;
        return new AdminDecision(AdminResult.Ok,
            [new DistrictCreated(id, command.Name, command.MemberFloor, command.MemberCap, command.MintBudget, command.By, now, NullIfBlank(command.NameRomanized), NoneIfZero(command.WelcomeGrant))],
            [
                new AccountOpened(WellKnownAccounts.Issuance(id), id, AccountKind.Issuance, null, -command.MintBudget, Minutes.Zero, command.By, now),
                new AccountOpened(WellKnownAccounts.CommunityPot(id), id, AccountKind.CommunityPot, null, Minutes.Zero, LedgerLimits.MaxLimitMinutes, command.By, now),
            ]);
    }

    private static AdminDecision ChangeDefaults(ChangeDistrictDefaults command, IAdminView view, DateTimeOffset now)
    {
        if (!AdminRules.IsDistrictId(command.DistrictId)) return AdminDecision.Rejected(AdminResult.DistrictIdInvalid);
        if (!AdminRules.AreLimits(command.MemberFloor, command.MemberCap)) return AdminDecision.Rejected(AdminResult.LimitsInvalid);
        if (!IsGrant(command.WelcomeGrant) || !IsGrant(command.MintApprovalAbove)) return AdminDecision.Rejected(AdminResult.AmountInvalid);
        var reason = AdminRules.CheckReason(command.Reason);
        if (reason != AdminResult.Ok) return AdminDecision.Rejected(reason);
        if (view.FindDistrict(command.DistrictId) is not { } district) return AdminDecision.Rejected(AdminResult.DistrictNotFound);
        var welcome = command.WelcomeGrant is null ? district.WelcomeGrant : NoneIfZero(command.WelcomeGrant);
        var approvalAbove = command.MintApprovalAbove is null ? district.MintApprovalAbove : NoneIfZero(command.MintApprovalAbove);
        if (district.MemberFloor == command.MemberFloor && district.MemberCap == command.MemberCap && district.WelcomeGrant == welcome
            && district.MintApprovalAbove == approvalAbove)
        {
            return AdminDecision.Unchanged;
        }

        return new AdminDecision(AdminResult.Ok,
            [new DistrictDefaultsChanged(command.DistrictId, command.MemberFloor, command.MemberCap, command.Reason, command.By, now,
                welcome == district.WelcomeGrant ? null : welcome ?? Minutes.Zero,
                approvalAbove == district.MintApprovalAbove ? null : approvalAbove ?? Minutes.Zero)], []);
    }

    private static AdminDecision SetBudget(SetMintBudget command, IAdminView view, DateTimeOffset now)
    {
        if (!AdminRules.IsDistrictId(command.DistrictId)) return AdminDecision.Rejected(AdminResult.DistrictIdInvalid);
        if (!AdminRules.IsBound(command.MintBudget)) return AdminDecision.Rejected(AdminResult.AmountInvalid);
        var reason = AdminRules.CheckReason(command.Reason);
        if (reason != AdminResult.Ok) return AdminDecision.Rejected(reason);
        if (view.FindDistrict(command.DistrictId) is not { } district) return AdminDecision.Rejected(AdminResult.DistrictNotFound);
        if (command.Period is { } asked && !Enum.IsDefined(asked)) return AdminDecision.Rejected(AdminResult.AmountInvalid);
        var period = command.Period ?? district.MintBudgetPeriod ?? MintBudgetPeriod.Lifetime;
        if (district.MintBudget == command.MintBudget && period == (district.MintBudgetPeriod ?? MintBudgetPeriod.Lifetime)) return AdminDecision.Unchanged;

        var issuance = view.FindAccount(WellKnownAccounts.Issuance(command.DistrictId))!;
        if (period == MintBudgetPeriod.Lifetime && issuance.Available < -command.MintBudget) return AdminDecision.Rejected(AdminResult.BudgetBelowIssued);

        // A budget per period starts its period now: the floor is what issuance can spend now, less the budget.
        var floor = period == MintBudgetPeriod.Lifetime ? -command.MintBudget : issuance.Available - command.MintBudget;
        if (!AdminRules.IsBound(-floor)) return AdminDecision.Rejected(AdminResult.AmountInvalid);
        return new AdminDecision(AdminResult.Ok,
            [new MintBudgetChanged(command.DistrictId, command.MintBudget, command.Reason, command.By, now, command.Period, MintBudgetPeriods.Of(period, now))],
            [new AccountLimitsChanged(issuance.Id, floor, issuance.Cap, command.Reason, command.By, now)]);
    }

    private static AdminDecision OpenPeriod(OpenMintBudgetPeriod command, IAdminView view, DateTimeOffset now)
    {
        if (!AdminRules.IsDistrictId(command.DistrictId)) return AdminDecision.Rejected(AdminResult.DistrictIdInvalid);
        if (view.FindDistrict(command.DistrictId) is not { } district) return AdminDecision.Rejected(AdminResult.DistrictNotFound);
        if (district.MintBudgetPeriod is not { } period || MintBudgetPeriods.Of(period, now) is not { } current) return AdminDecision.Unchanged;
        // Period names sort as their times do; a host whose clock lags never reopens a period already past.
        if (district.MintBudgetPeriodOpened is { } opened && string.CompareOrdinal(opened, current) >= 0) return AdminDecision.Unchanged;

        var issuance = view.FindAccount(WellKnownAccounts.Issuance(command.DistrictId))!;
        var floor = issuance.Available - district.MintBudget;
        if (!AdminRules.IsBound(-floor)) return AdminDecision.Rejected(AdminResult.AmountInvalid);
        var reason = $"예산 기간 {current} 시작 / budget period {current} opened";
        return new AdminDecision(AdminResult.Ok,
            [new MintBudgetPeriodOpened(command.DistrictId, current, command.By, now)],
            [new AccountLimitsChanged(issuance.Id, floor, issuance.Cap, reason, command.By, now)]);
    }

    private static AdminDecision SetTrust(SetTrustLimit command, IAdminView view, DateTimeOffset now)
    {
        if (!AdminRules.IsDistrictId(command.DistrictId) || !AdminRules.IsDistrictId(command.CounterpartDistrictId))
        {
            return AdminDecision.Rejected(AdminResult.DistrictIdInvalid);
        }

        if (command.DistrictId == command.CounterpartDistrictId) return AdminDecision.Rejected(AdminResult.SameDistrict);
        if (!AdminRules.IsBound(command.Limit)) return AdminDecision.Rejected(AdminResult.AmountInvalid);
        var reason = AdminRules.CheckReason(command.Reason);
        if (reason != AdminResult.Ok) return AdminDecision.Rejected(reason);
        if (view.FindDistrict(command.DistrictId) is not { } district || view.FindDistrict(command.CounterpartDistrictId) is null)
        {
            return AdminDecision.Rejected(AdminResult.DistrictNotFound);
        }

        if (district.TrustLimits.TryGetValue(command.CounterpartDistrictId, out var current) && current == command.Limit)
        {
            return AdminDecision.Unchanged;
        }

        var districtEvents = new List<DistrictEvent>();
        var accountEvents = new List<AccountEvent>();
        foreach (var (home, away) in new[] { (command.DistrictId, command.CounterpartDistrictId), (command.CounterpartDistrictId, command.DistrictId) })
        {
            districtEvents.Add(new TrustLimitSet(home, away, command.Limit, command.Reason, command.By, now));
            var clearingId = WellKnownAccounts.Clearing(home, away);
            if (view.FindAccount(clearingId) is { } clearing)
            {
                var narrowed = clearing with { Floor = -command.Limit, Cap = command.Limit };
                if (!narrowed.IsWithinLimits) return AdminDecision.Rejected(AdminResult.TrustLimitBelowPosition);
                accountEvents.Add(new AccountLimitsChanged(clearingId, -command.Limit, command.Limit, command.Reason, command.By, now));
            }
            else
            {
                accountEvents.Add(new AccountOpened(clearingId, home, AccountKind.Clearing, away, -command.Limit, command.Limit, command.By, now));
            }
        }

        return new AdminDecision(AdminResult.Ok, districtEvents, accountEvents);
    }

    // Appointing and removing share their checks; each changes something only when it is not so already.
    private static AdminDecision Appoint(string districtId, string subject, string reason, IAdminView view, Func<District, string, bool> changes, Func<DistrictEvent> happened)
    {
        if (!AdminRules.IsDistrictId(districtId)) return AdminDecision.Rejected(AdminResult.DistrictIdInvalid);
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > LedgerLimits.SubjectMaxLength || subject.Any(char.IsControl) || subject != subject.Trim())
        {
            return AdminDecision.Rejected(AdminResult.SubjectInvalid);
        }

        var checkedReason = AdminRules.CheckReason(reason);
        if (checkedReason != AdminResult.Ok) return AdminDecision.Rejected(checkedReason);
        if (view.FindDistrict(districtId) is not { } district) return AdminDecision.Rejected(AdminResult.DistrictNotFound);
        return changes(district, subject) ? new AdminDecision(AdminResult.Ok, [happened()], []) : AdminDecision.Unchanged;
    }

    // A welcome grant is paid from issuance like any transfer: no more than one transfer may move.
    private static bool IsGrant(Minutes? grant) => grant is not { } g || (g >= Minutes.Zero && g <= LedgerLimits.MaxTransferMinutes);

    private static Minutes? NoneIfZero(Minutes? grant) => grant is { } g && g > Minutes.Zero ? g : null;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
