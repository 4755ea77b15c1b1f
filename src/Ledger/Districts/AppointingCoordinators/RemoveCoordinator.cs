using EPoomasi.Ledger.Administration;

namespace EPoomasi.Ledger.Districts.AppointingCoordinators;

/// <summary>End <see cref="Subject"/>'s appointment as a coordinator of the district, at once. Removing someone not appointed is harmless.</summary>
public sealed record RemoveCoordinator(string DistrictId, string Subject, string Reason, Attribution By) : DistrictCommand(By)
{
    internal override IReadOnlyList<string> DistrictsToLock => [DistrictId];

    internal override IReadOnlyList<Guid> AccountsToLock => [];
}
