namespace EPoomasi.Ledger.Accounts;

/// <summary>Which side of a transfer an account is on.</summary>
public enum EntrySide
{
    /// <summary>The paying side: its balance goes down.</summary>
    Debit = 1,

    /// <summary>The receiving side: its balance goes up.</summary>
    Credit = 2,
}
