namespace EPoomasi.Ledger.Transfers;

/// <summary>Where a hold stands. It leaves <see cref="Pending"/> at most once.</summary>
public enum HoldState
{
    Pending = 1,
    Posted = 2,
    Voided = 3,
    Expired = 4,
}
