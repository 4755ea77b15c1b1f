namespace EPoomasi.Gateway.Security;

/// <summary>How far a grant reaches.</summary>
public enum Reach
{
    /// <summary>Anything the call names.</summary>
    Anything = 1,

    /// <summary>Only the caller's own accounts: each group of accounts the call touches must hold one of them.</summary>
    OwnAccounts = 2,

    /// <summary>Only the caller's own district: each group must hold an account of it, and every district named must be it.</summary>
    OwnDistrict = 3,
}
