using EPoomasi.Ledger.Administration;

namespace EPoomasi.Ledger.Districts.AppointingCoordinators;

/// <summary>
/// Appoint <see cref="Subject"/> (the identity in their token, e.g. <c>coordinator:mapo-park</c>) as a coordinator
/// of the district: only appointed coordinators act for it. Appointing someone appointed already is harmless.
/// </summary>
public sealed record AppointCoordinator(string DistrictId, string Subject, string Reason, Attribution By) : DistrictCommand(By)
{
    internal override IReadOnlyList<string> DistrictsToLock => [DistrictId];

    internal override IReadOnlyList<Guid> AccountsToLock => [];
}
