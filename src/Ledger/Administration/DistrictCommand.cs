namespace EPoomasi.Ledger.Administration;

/// <summary>A command on district settings, decided by <see cref="Districts.DistrictDecider"/>.</summary>
public abstract record DistrictCommand(Attribution By) : AdminCommand(By);
