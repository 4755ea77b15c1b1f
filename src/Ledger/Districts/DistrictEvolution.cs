namespace EPoomasi.Ledger.Districts;

/// <summary><c>Evolve(state, event) → state</c> for districts.</summary>
public static class DistrictEvolution
{
    public static District Evolve(District? state, DistrictEvent @event)
    {
        var next = (state, @event) switch
        {
            (null, DistrictCreated created) => new District
            {
                Id = created.DistrictId,
                Name = created.Name,
                NameRomanized = created.NameRomanized,
                WelcomeGrant = created.WelcomeGrant,
                MemberFloor = created.MemberFloor,
                MemberCap = created.MemberCap,
                MintBudget = created.MintBudget,
                CreatedAt = created.At,
            },
            (null, _) or (not null, DistrictCreated) => throw new LedgerInvariantException(
                $"District {@event.DistrictId} received {@event.GetType().Name} out of order."),
            (not null, DistrictDefaultsChanged changed) => state with
            {
                MemberFloor = changed.MemberFloor,
                MemberCap = changed.MemberCap,
                // Zero ends the grant; null leaves it as it was.
                WelcomeGrant = changed.WelcomeGrant is { } grant ? (grant > Minutes.Zero ? grant : null) : state.WelcomeGrant,
                MintApprovalAbove = changed.MintApprovalAbove is { } above ? (above > Minutes.Zero ? above : null) : state.MintApprovalAbove,
            },
            (not null, MintBudgetChanged changed) => state with
            {
                MintBudget = changed.MintBudget,
                MintBudgetPeriod = changed.Period is { } period ? (period == MintBudgetPeriod.Lifetime ? null : period) : state.MintBudgetPeriod,
                MintBudgetPeriodOpened = changed.Period == MintBudgetPeriod.Lifetime ? null : changed.PeriodOpened ?? state.MintBudgetPeriodOpened,
            },
            (not null, MintBudgetPeriodOpened opened) => state with { MintBudgetPeriodOpened = opened.Period },
            (not null, CoordinatorAppointed appointed) => state with
            {
                Coordinators = [.. (state.Coordinators ?? []).Append(appointed.Subject).Distinct().Order(StringComparer.Ordinal)],
            },
            (not null, CoordinatorRemoved removed) => state with
            {
                Coordinators = state.Coordinators?.Where(s => s != removed.Subject).ToList() is { Count: > 0 } left ? left : null,
            },
            (not null, TrustLimitSet set) => state with
            {
                TrustLimits = new Dictionary<string, Minutes>(state.TrustLimits) { [set.CounterpartDistrictId] = set.Limit },
            },
            _ => throw new LedgerInvariantException($"Unknown district event {@event.GetType().Name}."),
        };
        return next with { Version = checked((state?.Version ?? 0) + 1) };
    }
}
