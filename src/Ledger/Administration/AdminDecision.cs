using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Districts;

namespace EPoomasi.Ledger.Administration;

/// <summary>What an administration command decided: its result and the events that carry it out.</summary>
public sealed record AdminDecision(AdminResult Result, IReadOnlyList<DistrictEvent> DistrictEvents, IReadOnlyList<AccountEvent> AccountEvents)
{
    public static AdminDecision Rejected(AdminResult result) => new(result, [], []);

    /// <summary>Ok, with nothing to write: it already was so.</summary>
    public static readonly AdminDecision Unchanged = new(AdminResult.Ok, [], []);

    public static AdminDecision Of(params AccountEvent[] events) => new(AdminResult.Ok, [], events);

    public bool Changes => DistrictEvents.Count > 0 || AccountEvents.Count > 0;
}
