namespace EPoomasi.Ledger.Accounts;

/// <summary>How a hold's reservation ended.</summary>
public enum HoldResolution
{
    /// <summary>Posted, in full or in part; the rest is released.</summary>
    Posted = 1,

    /// <summary>Voided: nothing moves.</summary>
    Voided = 2,

    /// <summary>Its timeout passed before anyone posted or voided it.</summary>
    Expired = 3,
}
